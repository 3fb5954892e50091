package dev.dynamodouble.core.stream;

import dev.dynamodouble.core.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A shard iterator: a position in one shard (read the records after {@code afterSequence}) and
 * when it was issued (it expires). Written like DynamoDB's, the stream ARN, then an opaque part.
 */
public record ShardIterator(String streamArn, String shardId, long afterSequence, Instant issuedAt) {
  private static final String SEPARATOR = "|1|";

  public String encode() {
    String position = shardId + "|" + afterSequence + "|" + issuedAt.getEpochSecond() + "|" + issuedAt.getNano();
    return streamArn + SEPARATOR + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes an iterator of a request, or DynamoDB's ValidationException when it is not one. */
  public static ShardIterator decode(String text) {
    int separator = text == null ? -1 : text.lastIndexOf(SEPARATOR);
    if (separator <= 0) {
      throw invalid();
    }
    try {
      String position = new String(Base64.getUrlDecoder().decode(text.substring(separator + SEPARATOR.length())),
          StandardCharsets.UTF_8);
      String[] parts = position.split("\\|");
      if (parts.length != 4 || !parts[0].startsWith("shardId-")) {
        throw invalid();
      }
      return new ShardIterator(text.substring(0, separator), parts[0], Long.parseLong(parts[1]),
          Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3])));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid();
    }
  }

  private static DynamoException invalid() {
    return DynamoException.validation("Invalid ShardIterator");
  }
}
