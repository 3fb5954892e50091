package dev.dynamodouble.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scan that sends a TransactWriteItems naming ALL_OLD to a worker rather than the I/O thread. */
class BodyMentionsTest {
  private static final byte[] WORD = "ALL_OLD".getBytes(StandardCharsets.US_ASCII);

  private static ByteBuf body(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  @Test
  void findsTheWordAnywhereInTheReadableBytes() {
    assertThat(HttpHandler.mentions(body("ALL_OLD"), WORD)).isTrue();
    assertThat(HttpHandler.mentions(body("{\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}"), WORD)).isTrue();
    assertThat(HttpHandler.mentions(body("xxALL_OLD"), WORD)).isTrue();
  }

  @Test
  void aPrefixOrAnotherValueIsNotTheWord() {
    assertThat(HttpHandler.mentions(body("{\"ReturnValuesOnConditionCheckFailure\":\"NONE\"}"), WORD)).isFalse();
    assertThat(HttpHandler.mentions(body("ALL_OL"), WORD)).isFalse();
    assertThat(HttpHandler.mentions(body("ALL_NEW ALLOLD AALL_OL"), WORD)).isFalse();
    assertThat(HttpHandler.mentions(body(""), WORD)).isFalse();
  }

  @Test
  void onlyTheReadableBytesOfASliceAreSearched() {
    ByteBuf buffer = body("ALL_OLD|{}|ALL_OLD");
    assertThat(HttpHandler.mentions(buffer.slice(7, 4), WORD)).isFalse();
    assertThat(HttpHandler.mentions(buffer.slice(2, 9), WORD)).isFalse(); // cut before its end
    buffer.readerIndex(8);
    assertThat(HttpHandler.mentions(buffer, WORD)).isTrue();
    buffer.writerIndex(17);
    assertThat(HttpHandler.mentions(buffer, WORD)).isFalse();
  }

  @Test
  void aBodyInSeveralBuffersIsSearchedAcrossTheirJoins() {
    CompositeByteBuf composite = Unpooled.compositeBuffer();
    composite.addComponents(true, body("{\"x\":\"ALL_"), body("OLD\"}"));
    assertThat(HttpHandler.mentions(composite, WORD)).isTrue();
    CompositeByteBuf without = Unpooled.compositeBuffer();
    without.addComponents(true, body("{\"x\":\"ALL_"), body("NEW\"}"));
    assertThat(HttpHandler.mentions(without, WORD)).isFalse();
  }
}
