package dev.dynamodouble.core.dax;

/**
 * The optional parameters every DAX data request ends with: a map from parameter number to value.
 * Expressions arrive already encoded (see {@link Expressions}); enumerations as small integers.
 */
final class DaxOptions {
  byte[] projection;
  Boolean consistentRead;
  int returnConsumedCapacity;
  byte[] condition;
  int returnItemCollectionMetrics;
  int returnValues = 1;
  byte[] update;
  byte[] exclusiveStartKey;
  byte[] filter;
  String indexName;
  Integer limit;
  Boolean scanIndexForward;
  int select;
  Integer segment;
  Integer totalSegments;
  String clientRequestToken;

  private static final String[] RETURN_VALUES = {null, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"};
  private static final String[] SELECT = {null, "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES"};

  static DaxOptions read(CborReader in) {
    DaxOptions options = new DaxOptions();
    if (in.atEnd() || in.tryNull()) {
      return options;
    }
    int size = in.readMapHeader();
    for (int i = 0; size < 0 ? !in.peekBreak() : i < size; i++) {
      int key = in.readInt();
      switch (key) {
        case 0 -> options.projection = in.readBytes();
        case 2 -> options.consistentRead = flag(in);
        case 3 -> options.returnConsumedCapacity = in.readInt();
        case 4 -> options.condition = in.readBytes();
        case 6 -> options.returnItemCollectionMetrics = in.readInt();
        case 7 -> options.returnValues = in.readInt();
        case 8 -> options.update = in.readBytes();
        case 9 -> options.exclusiveStartKey = in.readBytes();
        case 10 -> options.filter = in.readBytes();
        case 11 -> options.indexName = in.readTextOrBytes();
        case 13 -> options.limit = in.readInt();
        case 14 -> options.scanIndexForward = flag(in);
        case 15 -> options.select = in.readInt();
        case 16 -> options.segment = in.readInt();
        case 17 -> options.totalSegments = in.readInt();
        case 19 -> options.clientRequestToken = in.readText();
        default -> throw DaxError.notImplemented("Request parameter " + key);
      }
    }
    if (size < 0) {
      in.readBreak();
    }
    return options;
  }

  /** A boolean, sent as a CBOR boolean by item operations and as 0 or 1 by Query and Scan. */
  private static boolean flag(CborReader in) {
    int head = in.peek();
    return head == 0xf4 || head == 0xf5 ? in.readBoolean() : in.readLong() != 0;
  }

  boolean consistent() {
    return Boolean.TRUE.equals(consistentRead);
  }

  String returnValuesName() {
    if (returnValues < 1 || returnValues >= RETURN_VALUES.length) {
      throw DaxError.validation("Unknown ReturnValues " + returnValues);
    }
    return RETURN_VALUES[returnValues];
  }

  String selectName() {
    if (select < 0 || select >= SELECT.length) {
      throw DaxError.validation("Unknown Select " + select);
    }
    return SELECT[select];
  }
}
