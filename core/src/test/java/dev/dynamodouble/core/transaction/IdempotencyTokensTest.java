package dev.dynamodouble.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyTokensTest {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  static RequestFingerprint fingerprint(String json) throws Exception {
    return RequestFingerprint.of(Json.parse(json), "ClientRequestToken");
  }

  @Test
  void fingerprintsIgnoreFieldOrderNullsAndTheTokenButNotValues() throws Exception {
    assertThat(fingerprint("{\"A\":1,\"B\":{\"x\":\"1\",\"y\":[1,2]},\"ClientRequestToken\":\"t1\"}"))
        .isEqualTo(fingerprint("{\"B\":{\"y\":[1,2],\"x\":\"1\",\"z\":null},\"ClientRequestToken\":\"t2\",\"A\":1}"));
    assertThat(fingerprint("{\"B\":{\"y\":[1,2]}}")).isNotEqualTo(fingerprint("{\"B\":{\"y\":[2,1]}}"));
    assertThat(fingerprint("{\"B\":\"1\"}")).isNotEqualTo(fingerprint("{\"B\":1}"));
    assertThat(fingerprint("{\"A\":\"ab\",\"B\":\"c\"}")).isNotEqualTo(fingerprint("{\"A\":\"a\",\"B\":\"bc\"}"));
  }

  @Test
  void fingerprintsOfLargeObjectsLongTextsAndNonAsciiTextFollowTheSameRules() throws Exception {
    StringBuilder ascending = new StringBuilder("{");
    StringBuilder descending = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      ascending.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":\"v").append(i).append('"');
      descending.append(i == 0 ? "" : ",").append("\"m").append(39 - i).append("\":\"v").append(39 - i).append('"');
    }
    assertThat(fingerprint(ascending + "}")).isEqualTo(fingerprint(descending + "}"));
    assertThat(fingerprint(ascending + "}")).isNotEqualTo(fingerprint(descending + ",\"m40\":\"v\"}"));

    String longText = "x".repeat(5000);
    assertThat(fingerprint("{\"A\":\"" + longText + "\",\"B\":[true]}"))
        .isEqualTo(fingerprint("{\"B\":[true],\"A\":\"" + longText + "\"}"))
        .isNotEqualTo(fingerprint("{\"B\":[true],\"A\":\"" + longText + "y\"}"));
    assertThat(fingerprint("{\"Ä\":\"ü😀\",\"b\":\"é\"}"))
        .isEqualTo(fingerprint("{\"b\":\"é\",\"Ä\":\"ü😀\"}"))
        .isNotEqualTo(fingerprint("{\"Ä\":\"ü😁\",\"b\":\"é\"}"));
    assertThat(fingerprint("{\"A\":true}")).isNotEqualTo(fingerprint("{\"A\":\"true\"}"));
  }

  @Test
  void aTokenReplaysItsOutcomeUntilTenMinutesAfterItsRequestFinished() throws Exception {
    IdempotencyTokens tokens = new IdempotencyTokens();
    RequestFingerprint request = fingerprint("{\"A\":1}");
    IdempotencyTokens.Start first = tokens.start("r", "t", request, T0);
    assertThat(first.isReplay()).isFalse();
    Instant finished = T0.plusSeconds(5);
    tokens.complete(first, "outcome", finished);

    IdempotencyTokens.Start again = tokens.start("r", "t", request, finished.plus(Duration.ofMinutes(10)).minusMillis(1));
    assertThat(again.isReplay()).isTrue();
    assertThat(again.replay()).isEqualTo("outcome");
    assertThat(tokens.start("other-region", "t", request, finished).isReplay()).isFalse();

    IdempotencyTokens.Start later = tokens.start("r", "t", request, finished.plus(IdempotencyTokens.WINDOW));
    assertThat(later.isReplay()).isFalse();
  }

  @Test
  void otherParametersAreAMismatchAndARunningRequestIsInProgress() throws Exception {
    IdempotencyTokens tokens = new IdempotencyTokens();
    IdempotencyTokens.Start running = tokens.start("r", "t", fingerprint("{\"A\":1}"), T0);
    DynamoException inProgress = catchThrowableOfType(DynamoException.class,
        () -> tokens.start("r", "t", fingerprint("{\"A\":1}"), T0));
    assertThat(inProgress.code()).isEqualTo(ErrorCode.TRANSACTION_IN_PROGRESS);
    DynamoException mismatch = catchThrowableOfType(DynamoException.class,
        () -> tokens.start("r", "t", fingerprint("{\"A\":2}"), T0));
    assertThat(mismatch.code()).isEqualTo(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH);

    tokens.abandon(running);
    assertThat(tokens.size()).isZero();
    assertThat(tokens.start("r", "t", fingerprint("{\"A\":2}"), T0).isReplay()).isFalse();
  }

  @Test
  void expiredTokensAreDroppedAsNewOnesArrive() throws Exception {
    IdempotencyTokens tokens = new IdempotencyTokens();
    RequestFingerprint request = fingerprint("{\"A\":1}");
    for (int i = 0; i < 1000; i++) {
      Instant at = T0.plusSeconds(i);
      tokens.complete(tokens.start("r", "t" + i, request, at), "o", at);
    }
    // Tokens are kept for ten minutes: at T0 + 999 s, those finished at or before T0 + 399 s are gone.
    assertThat(tokens.size()).isEqualTo(600);
    tokens.start("r", "fresh", request, T0.plusSeconds(999).plus(IdempotencyTokens.WINDOW));
    assertThat(tokens.size()).isEqualTo(1);
    tokens.clear();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void theStoreIsBoundedEvenWithinTheWindow() throws Exception {
    IdempotencyTokens tokens = new IdempotencyTokens();
    RequestFingerprint request = fingerprint("{\"A\":1}");
    for (int i = 0; i < IdempotencyTokens.MAX_TOKENS + 10; i++) {
      tokens.complete(tokens.start("r", "t" + i, request, T0), "o", T0);
    }
    assertThat(tokens.size()).isLessThanOrEqualTo(IdempotencyTokens.MAX_TOKENS);
    // The newest are kept.
    assertThat(tokens.start("r", "t" + (IdempotencyTokens.MAX_TOKENS + 9), request, T0).isReplay()).isTrue();
  }
}
