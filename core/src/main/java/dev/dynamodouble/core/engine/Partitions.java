package dev.dynamodouble.core.engine;

/**
 * Which ARN partitions a region's requests may name. AWS groups its regions in partitions: the
 * China regions ({@code cn-*}) are {@code aws-cn}, GovCloud's ({@code us-gov-*}) {@code aws-us-gov},
 * every other region {@code aws} (the isolated partitions are left out). This engine writes every
 * ARN it hands out with {@code aws}, whatever the region, so an ARN it handed out stays valid:
 * {@code aws} is accepted everywhere, besides the region's own partition.
 */
public final class Partitions {
  private Partitions() {}

  /** The partition of a region, by its prefix. */
  public static String of(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /** Whether a request of {@code region} may name an ARN of {@code partition}. */
  public static boolean accepts(String partition, String region) {
    return partition.equals("aws") || partition.equals(of(region));
  }
}
