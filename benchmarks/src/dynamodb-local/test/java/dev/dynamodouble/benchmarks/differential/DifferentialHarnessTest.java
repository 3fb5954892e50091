package dev.dynamodouble.benchmarks.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The differential test's own machinery: reproducible cases and the comparisons it relies on. */
class DifferentialHarnessTest {

  @Test
  void aCaseDependsOnTheSeedAndItsIndexOnly() {
    Cases one = new Cases(42);
    Cases other = new Cases(42);
    assertThat(other.generate(17).reproducer).isEqualTo(one.generate(17).reproducer);
    assertThat(other.readItems).hasSameSizeAs(one.readItems);
    assertThat(new Cases(43).generate(17).reproducer).isNotEqualTo(one.generate(17).reproducer);
  }

  @Test
  void setsAndMapsAreCanonicalWhateverTheirOrder() {
    AttributeValue a = AttributeValue.fromM(Map.of("x", AttributeValue.fromNs(List.of("10", "2")),
        "y", AttributeValue.fromSs(List.of("b", "a"))));
    AttributeValue b = AttributeValue.fromM(Map.of("y", AttributeValue.fromSs(List.of("a", "b")),
        "x", AttributeValue.fromNs(List.of("2", "10"))));
    assertThat(Canon.value(a)).isEqualTo(Canon.value(b)).isEqualTo(
        "{\"M\":{\"x\":{\"NS\":[\"2\",\"10\"]},\"y\":{\"SS\":[\"a\",\"b\"]}}}");
  }

  @Test
  void numbersCompareByValueButTheirSpellingIsKept() {
    String sent = Canon.item(Map.of("n", AttributeValue.fromN("1.50"), "s", AttributeValue.fromS("\"N\":\"1.50\""),
        "ns", AttributeValue.fromNs(List.of("0100", "-0"))));
    String normal = Canon.item(Map.of("n", AttributeValue.fromN("1.5"), "s", AttributeValue.fromS("\"N\":\"1.50\""),
        "ns", AttributeValue.fromNs(List.of("100", "0"))));
    assertThat(sent).isNotEqualTo(normal);
    assertThat(Canon.numbersByValue(sent)).isEqualTo(Canon.numbersByValue(normal));
    assertThat(Canon.numbers(sent)).containsExactly("1.50", "-0", "0100");
  }

  @Test
  void aSubDocumentKeepsOnlyPartsOfTheWhole() {
    AttributeValue whole = AttributeValue.fromM(Map.of(
        "a", AttributeValue.fromS("x"),
        "l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromN("2"), AttributeValue.fromN("3")))));
    AttributeValue part = AttributeValue.fromM(Map.of(
        "l", AttributeValue.fromL(List.of(AttributeValue.fromN("3.0")))));
    assertThat(SubDocument.within(part, whole)).isTrue();
    assertThat(SubDocument.within(whole, part)).isFalse();
    assertThat(SubDocument.within(AttributeValue.fromM(Map.of("a", AttributeValue.fromS("y"))), whole)).isFalse();
  }

  @Test
  void pathsOverlapOrConflictAsDynamoDbSaysTheyDo() {
    Path ab = Path.of("a").child("b");
    assertThat(Path.of("a").relationTo(ab)).isEqualTo(Path.Relation.OVERLAP);
    assertThat(ab.relationTo(Path.of("a").child(0))).isEqualTo(Path.Relation.CONFLICT);
    assertThat(ab.relationTo(Path.of("a").child("c"))).isEqualTo(Path.Relation.DISJOINT);
  }
}
