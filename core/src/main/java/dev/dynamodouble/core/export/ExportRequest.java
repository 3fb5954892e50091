package dev.dynamodouble.core.export;

import java.time.Instant;

/**
 * The parameters of an ExportTableToPointInTime request, resolved (defaults applied). Two requests
 * with the same ClientToken must ask the same thing (else ExportConflictException).
 *
 * @param exportTime the point of a full export (null for an incremental one)
 * @param fromTime the inclusive start of an incremental export (null for a full one)
 * @param toTime the exclusive end of an incremental export (null for a full one)
 * @param viewType NEW_IMAGE or NEW_AND_OLD_IMAGES for an incremental export, else null
 */
public record ExportRequest(String clientToken, String s3Bucket, String s3BucketOwner, String s3Prefix,
                            String sseAlgorithm, String kmsKeyId, String format, String type, Instant exportTime,
                            Instant fromTime, Instant toTime, String viewType) {
  public static final String FULL = "FULL_EXPORT";
  public static final String INCREMENTAL = "INCREMENTAL_EXPORT";
  public static final String DYNAMODB_JSON = "DYNAMODB_JSON";
  public static final String ION = "ION";

  public boolean incremental() {
    return INCREMENTAL.equals(type);
  }

  /** The same request but for its token and the export time (a retry resolves "now" again). */
  boolean sameAs(ExportRequest other, String tableArn, String otherTableArn) {
    return tableArn.equals(otherTableArn) && java.util.Objects.equals(s3Bucket, other.s3Bucket)
        && java.util.Objects.equals(s3Prefix, other.s3Prefix) && java.util.Objects.equals(format, other.format)
        && java.util.Objects.equals(type, other.type) && java.util.Objects.equals(viewType, other.viewType)
        && java.util.Objects.equals(fromTime, other.fromTime)
        && java.util.Objects.equals(s3BucketOwner, other.s3BucketOwner)
        && java.util.Objects.equals(sseAlgorithm, other.sseAlgorithm)
        && java.util.Objects.equals(kmsKeyId, other.kmsKeyId);
  }
}
