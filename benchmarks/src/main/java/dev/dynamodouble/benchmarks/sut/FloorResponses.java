package dev.dynamodouble.benchmarks.sut;

import static dev.dynamodouble.benchmarks.BenchData.BOOL;
import static dev.dynamodouble.benchmarks.BenchData.NUM;
import static dev.dynamodouble.benchmarks.BenchData.PAYLOAD;
import static dev.dynamodouble.benchmarks.BenchData.PK;
import static dev.dynamodouble.benchmarks.BenchData.SK;
import static dev.dynamodouble.benchmarks.BenchData.STR;

import dev.dynamodouble.benchmarks.BenchData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The floor's canned awsJson1_0 responses, each fully encoded once (status line, headers with
 * the body's {@code x-amz-crc32}, body) into a direct buffer that is never released, so answering
 * costs writing a duplicate of it. One shared instance per JVM.
 */
final class FloorResponses {

  static final String TARGET_PREFIX = "DynamoDB_20120810.";
  /** Marker the floor puts in Scan's LastEvaluatedKey; the SDK echoes it as ExclusiveStartKey. */
  static final String PAGE_MARKER = "floor-page-";
  private static final byte[] PAGE_MARKER_BYTES = PAGE_MARKER.getBytes(StandardCharsets.US_ASCII);
  /** Pages 0..3 hold 25 items each and a LastEvaluatedKey; page 4 is empty, like DynamoDB. */
  static final int SCAN_PAGES = BenchData.SCAN_ITEMS / BenchData.SCAN_PAGE_SIZE + 1;

  static final FloorResponses INSTANCE = new FloorResponses();

  private final Map<String, ByteBuf> byOperation = new HashMap<>();
  private final ByteBuf[] scanPages = new ByteBuf[SCAN_PAGES];
  private final ByteBuf unknownOperation;

  private FloorResponses() {
    String table = tableDescription();
    put("CreateTable", "{\"TableDescription\":" + table + "}");
    put("DescribeTable", "{\"Table\":" + table + "}");
    put("DeleteTable", "{\"TableDescription\":" + table + "}");
    put("ListTables", "{\"TableNames\":[\"" + BenchData.TABLE + "\"]}");
    put("PutItem", "{}");
    put("DeleteItem", "{}");
    put("UpdateItem", "{}");
    put("GetItem", "{\"Item\":" + item(BenchData.GET_PK, BenchData.GET_SK) + "}");
    put("ExecuteStatement", "{\"Items\":[" + item(BenchData.GET_PK, BenchData.GET_SK) + "]}");
    put("BatchWriteItem", "{\"UnprocessedItems\":{}}");
    put("TransactWriteItems", "{}");
    StringBuilder query = new StringBuilder("{\"Count\":").append(BenchData.QUERY_ITEMS);
    query.append(",\"Items\":[");
    for (int i = 0; i < BenchData.QUERY_ITEMS; i++) {
      query.append(i == 0 ? "" : ",").append(item(BenchData.QUERY_PK, String.format("%04d", i)));
    }
    query.append("],\"ScannedCount\":").append(BenchData.QUERY_ITEMS).append('}');
    put("Query", query.toString());
    for (int page = 0; page < SCAN_PAGES; page++) {
      int count = page < SCAN_PAGES - 1 ? BenchData.SCAN_PAGE_SIZE : 0;
      StringBuilder scan = new StringBuilder("{\"Count\":").append(count).append(",\"Items\":[");
      for (int i = 0; i < count; i++) {
        int n = page * BenchData.SCAN_PAGE_SIZE + i;
        scan.append(i == 0 ? "" : ",").append(item(BenchData.SCAN_PK_PREFIX + n, "0"));
      }
      scan.append(']');
      if (count > 0) {
        scan.append(",\"LastEvaluatedKey\":{\"").append(PK).append("\":{\"S\":\"")
            .append(PAGE_MARKER).append(page + 1).append("\"},\"").append(SK)
            .append("\":{\"S\":\"0\"}}");
      }
      scan.append(",\"ScannedCount\":").append(count).append('}');
      scanPages[page] = encode(200, scan.toString());
    }
    unknownOperation = encode(400, "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\","
        + "\"message\":\"The floor server does not answer this operation\"}");
  }

  /** The encoded response for {@code X-Amz-Target} (Scan: see {@link #scanPage}); do not release. */
  ByteBuf forTarget(String target) {
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      return unknownOperation;
    }
    ByteBuf response = byOperation.get(target.substring(TARGET_PREFIX.length()));
    return response != null ? response : unknownOperation;
  }

  static boolean isScan(String target) {
    return (TARGET_PREFIX + "Scan").equals(target);
  }

  /** The Scan page that follows the page whose marker the request body carries (page 0 if none). */
  ByteBuf scanPage(byte[] body, int length) {
    byte[] marker = PAGE_MARKER_BYTES;
    outer:
    for (int i = 0; i + marker.length < length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (body[i + j] != marker[j]) {
          continue outer;
        }
      }
      int page = body[i + marker.length] - '0';
      return page > 0 && page < SCAN_PAGES ? scanPages[page] : unknownOperation;
    }
    return scanPages[0];
  }

  private void put(String operation, String body) {
    byOperation.put(operation, encode(200, body));
  }

  private static String item(String pk, String sk) {
    return "{\"" + PK + "\":{\"S\":\"" + pk + "\"},\"" + SK + "\":{\"S\":\"" + sk + "\"},\""
        + NUM + "\":{\"N\":\"42\"},\"" + STR + "\":{\"S\":\"" + PAYLOAD + "\"},\""
        + BOOL + "\":{\"BOOL\":true}}";
  }

  private static String tableDescription() {
    return "{\"AttributeDefinitions\":[{\"AttributeName\":\"" + PK + "\",\"AttributeType\":\"S\"},"
        + "{\"AttributeName\":\"" + SK + "\",\"AttributeType\":\"S\"}],"
        + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\"},"
        + "\"CreationDateTime\":1.7E9,\"ItemCount\":0,"
        + "\"KeySchema\":[{\"AttributeName\":\"" + PK + "\",\"KeyType\":\"HASH\"},"
        + "{\"AttributeName\":\"" + SK + "\",\"KeyType\":\"RANGE\"}],"
        + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":0,"
        + "\"WriteCapacityUnits\":0},"
        + "\"TableArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/" + BenchData.TABLE + "\","
        + "\"TableName\":\"" + BenchData.TABLE + "\",\"TableSizeBytes\":0,\"TableStatus\":\"ACTIVE\"}";
  }

  private static ByteBuf encode(int status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Bad Request") + "\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "x-amzn-RequestId: FLOOR0000000000000000000000000000000000000000000000000\r\n"
        + "x-amz-crc32: " + crc.getValue() + "\r\n"
        + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    ByteBuf encoded = Unpooled.directBuffer(headBytes.length + body.length);
    encoded.writeBytes(headBytes).writeBytes(body);
    return Unpooled.unreleasableBuffer(encoded);
  }
}
