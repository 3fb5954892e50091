package dev.dynamodouble.core.export;

import java.util.List;

/**
 * The parameters of an ImportTable request. Two requests with the same ClientToken must ask the
 * same thing (else ImportConflictException).
 *
 * @param csvDelimiter the CSV delimiter (',' unless given)
 * @param csvHeaders the CSV header given in the request, or null: each file's first line is its header
 * @param tableCreationParameters the TableCreationParameters structure as sent, described back as is
 */
public record ImportRequest(String clientToken, String s3Bucket, String s3BucketOwner, String keyPrefix,
                            String inputFormat, String compression, Character csvDelimiter, List<String> csvHeaders,
                            String tableName, Object tableCreationParameters) {
  public static final String CSV = "CSV";
  public static final String ION = "ION";
  public static final String DYNAMODB_JSON = "DYNAMODB_JSON";
  public static final String GZIP = "GZIP";
  public static final String ZSTD = "ZSTD";
  public static final String NONE = "NONE";

  boolean sameAs(ImportRequest other) {
    return java.util.Objects.equals(s3Bucket, other.s3Bucket) && java.util.Objects.equals(s3BucketOwner, other.s3BucketOwner)
        && java.util.Objects.equals(keyPrefix, other.keyPrefix) && java.util.Objects.equals(inputFormat, other.inputFormat)
        && java.util.Objects.equals(compression, other.compression)
        && java.util.Objects.equals(csvDelimiter, other.csvDelimiter)
        && java.util.Objects.equals(csvHeaders, other.csvHeaders)
        && java.util.Objects.equals(tableCreationParameters, other.tableCreationParameters);
  }
}
