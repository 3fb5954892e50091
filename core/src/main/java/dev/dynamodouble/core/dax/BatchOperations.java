package dev.dynamodouble.core.dax;

/** BatchGetItem and BatchWriteItem through DAX. */
final class BatchOperations {
  private final DaxService dax;

  BatchOperations(DaxService dax) {
    this.dax = dax;
  }

  void get(CborReader in, CborWriter out, String requestId) {
    throw DaxError.notImplemented("BatchGetItem");
  }

  void write(CborReader in, CborWriter out, String requestId) {
    throw DaxError.notImplemented("BatchWriteItem");
  }
}
