package dev.dynamodouble.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The child-JVM probes' data and result lines. */
class ProbesTest {

  @Test
  void memoryItemsHaveTheAskedSizeAndDistinctContent() {
    Map<String, AttributeValue> a = MemoryProbe.item(7, 1024);
    Map<String, AttributeValue> b = MemoryProbe.item(99_999, 1024);
    assertThat(MemoryProbe.size(a)).isBetween(1020, 1028);
    assertThat(MemoryProbe.size(b)).isBetween(1020, 1028);
    assertThat(a.get(BenchData.STR).s()).isNotEqualTo(b.get(BenchData.STR).s());
    assertThat(a.get(BenchData.PK)).isNotEqualTo(b.get(BenchData.PK));
  }

  @Test
  void queryScaleItemsFillPartitionsOfTen() {
    assertThat(QueryScaleProbe.item(0, 0).get(BenchData.PK).s()).isEqualTo("part-0");
    assertThat(QueryScaleProbe.item(9, 0).get(BenchData.PK).s()).isEqualTo("part-0");
    assertThat(QueryScaleProbe.item(10, 0).get(BenchData.PK).s()).isEqualTo("part-1");
    assertThat(QueryScaleProbe.item(13, 0).get(BenchData.SK).s()).isEqualTo("3");
  }

  @Test
  void queryScaleItemsArePaddedToTheAskedSizeWithDistinctText() {
    Map<String, AttributeValue> a = QueryScaleProbe.item(13, 200);
    Map<String, AttributeValue> b = QueryScaleProbe.item(9_999_999, 200);
    assertThat(MemoryProbe.size(a)).isBetween(196, 204);
    assertThat(MemoryProbe.size(b)).isBetween(196, 204);
    assertThat(a.get(BenchData.SK).s()).isEqualTo("3");
    assertThat(a.get(BenchData.STR).s()).isNotEqualTo(b.get(BenchData.STR).s());
  }

  @Test
  void resultLinesAreKeyValuePairs() {
    assertThat(ChildJvm.fields(" plain=5.2 first=1031.9  again=59.3,60.1 done"))
        .containsEntry("plain", "5.2").containsEntry("first", "1031.9")
        .containsEntry("again", "59.3,60.1").containsEntry("done", "");
  }
}
