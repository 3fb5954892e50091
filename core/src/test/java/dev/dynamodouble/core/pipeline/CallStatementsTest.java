package dev.dynamodouble.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.engine.EngineOptions;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.time.DynamoClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A call carries one statement memo: auth and the fault rules (through {@link StatementTargets}) and
 * the operation (through its context's call) all parse and plan there.
 */
class CallStatementsTest {
  private final Engine engine = new Engine(DynamoClock.manual(Instant.parse("2026-01-01T00:00:00Z")),
      EngineOptions.defaults());

  private Call call(String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new Call(Call.Api.DYNAMODB, operation, engine.region("us-east-1"), "r", JsonRequest.parse(body, 0, body.length));
  }

  @Test
  void oneMemoPerCallAndOnlyForStatements() {
    Call call = call("ExecuteStatement", "{\"Statement\": \"SELECT * FROM t\"}");
    assertThat(call.statements()).isSameAs(call.statements());
    assertThat(call("ExecuteStatement", "{\"Statement\": \"SELECT * FROM t\"}").statements())
        .isNotSameAs(call.statements());
  }
}
