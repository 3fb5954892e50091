package dev.dynamodouble.core.expression;

import static dev.dynamodouble.core.expression.Ddb.assertValidation;
import static dev.dynamodouble.core.expression.Ddb.item;
import static dev.dynamodouble.core.expression.Ddb.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectionExpressionTest {
  static final Map<String, AttributeValue> ITEM = item("""
      {pk: {S: 'p1'}, a: {S: 'x'},
       mylist: {L: [{S: 'zero'}, {S: 'one'}, {S: 'two'}, {S: 'three'}]},
       listOfMaps: {L: [{M: {val: {S: 'a0'}, x: {S: 'x0'}}}, {M: {val: {S: 'a1'}, x: {S: 'x1'}}},
                        {M: {val: {S: 'a2'}, x: {S: 'x2'}}}]},
       listWithNull: {L: [{S: 'keep0'}, {NULL: true}, {S: 'keep2'}]},
       deep: {M: {l1: {M: {l2: {M: {l3: {S: 'bottom'}, sib: {S: 's'}}}}}}},
       nestedList: {L: [{M: {inner: {L: [{S: 'i0'}, {S: 'i1'}]}}}]},
       e: {M: {a: {S: 'b1'}, d: {S: 'b1'}, z: {S: 'no'}}}, f: {L: [{S: 'd1'}, {S: 'd2'}, {S: 'd3'}]},
       matrix: {L: [{L: [{N: '1'}, {N: '2'}]}, {L: [{N: '3'}, {N: '4'}]}]}}
      """);

  static Stream<Arguments> projections() {
    return Stream.of(
        Arguments.of("a", "{a: {S: 'x'}}"),
        Arguments.of("a, pk", "{a: {S: 'x'}, pk: {S: 'p1'}}"),
        Arguments.of("nope", "{}"),
        Arguments.of("mylist[0], mylist[2]", "{mylist: {L: [{S: 'zero'}, {S: 'two'}]}}"),
        Arguments.of("mylist[2], mylist[0]", "{mylist: {L: [{S: 'zero'}, {S: 'two'}]}}"),
        Arguments.of("mylist[1], mylist[3]", "{mylist: {L: [{S: 'one'}, {S: 'three'}]}}"),
        Arguments.of("mylist[9]", "{}"),
        Arguments.of("mylist[3], mylist[9]", "{mylist: {L: [{S: 'three'}]}}"),
        Arguments.of("listOfMaps[0].val, listOfMaps[2].val",
            "{listOfMaps: {L: [{M: {val: {S: 'a0'}}}, {M: {val: {S: 'a2'}}}]}}"),
        Arguments.of("listWithNull", "{listWithNull: {L: [{S: 'keep0'}, {NULL: true}, {S: 'keep2'}]}}"),
        Arguments.of("listWithNull[1]", "{listWithNull: {L: [{NULL: true}]}}"),
        Arguments.of("listWithNull[0], listWithNull[2]", "{listWithNull: {L: [{S: 'keep0'}, {S: 'keep2'}]}}"),
        Arguments.of("deep.l1.l2.l3", "{deep: {M: {l1: {M: {l2: {M: {l3: {S: 'bottom'}}}}}}}}"),
        Arguments.of("nestedList[0].#i[1]", "{nestedList: {L: [{M: {inner: {L: [{S: 'i1'}]}}}]}}"),
        Arguments.of("f[2], f[0], e.d, e.a, nope",
            "{f: {L: [{S: 'd1'}, {S: 'd3'}]}, e: {M: {d: {S: 'b1'}, a: {S: 'b1'}}}}"),
        Arguments.of("#f[2],#f[0],#e.d,e.#a,d",
            "{f: {L: [{S: 'd1'}, {S: 'd3'}]}, e: {M: {d: {S: 'b1'}, a: {S: 'b1'}}}}"),
        Arguments.of("a.b", "{}"), Arguments.of("a[0]", "{}"), Arguments.of("e.nope", "{}"),
        Arguments.of("f.x", "{}"), Arguments.of("e[1]", "{}"), Arguments.of("deep.l1.nope", "{}"),
        Arguments.of("matrix[1][0], matrix[0][1]", "{matrix: {L: [{L: [{N: '2'}]}, {L: [{N: '3'}]}]}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projections")
  void projects(String expression, String expected) {
    ExpressionContext ctx = new ExpressionContext(
        names("#i", "inner", "#f", "f", "#e", "e", "#a", "a"), null);
    Projection p = ctx.projection(expression);
    assertThat(p.apply(ITEM)).isEqualTo(item(expected));
  }

  @Test
  void projectsNothingOutOfNothing() {
    Projection p = ExpressionContext.empty().projection("a");
    assertThat(p.apply(null)).isEmpty();
    assertThat(p.apply(Map.of())).isEmpty();
    assertThat(p.topLevelNames()).containsExactly("a");
  }

  @Test
  void attributesToGetProjectsWholeAttributes() {
    Projection p = Projection.ofAttributes(List.of("a", "mylist", "nope"));
    assertThat(p.apply(ITEM)).containsOnlyKeys("a", "mylist");
    assertThat(p.topLevelNames()).containsExactly("a", "mylist", "nope");
  }

  static final String P = "Invalid ProjectionExpression: ";

  static Stream<Arguments> errors() {
    Map<String, String> a = names("#a", "a");
    Map<String, String> ab3 = names("#a", "a", "#b", "[3]");
    return Stream.of(
        Arguments.of("", null, P + "The expression can not be empty;"),
        Arguments.of("a,", null, P + "Syntax error; token: \"<EOF>\", near: \",\""),
        Arguments.of(",a", null, P + "Syntax error; token: \",\", near: \",a\""),
        Arguments.of("a b", null, P + "Syntax error; token: \"b\", near: \"a b\""),
        Arguments.of("a = :v", null, P + "Syntax error; token: \"=\", near: \"a = :v\""),
        Arguments.of("size(a)", null, P + "Syntax error; token: \"(\", near: \"size(a\""),
        Arguments.of("status", null, P + "Attribute name is a reserved keyword; reserved keyword: status"),
        Arguments.of("#x", null, P
            + "An expression attribute name used in the document path is not defined; attribute name: #x"),
        Arguments.of("a, a", null, P + "Two document paths overlap with each other; must remove or "
            + "rewrite one of these paths; path one: [a], path two: [a]"),
        Arguments.of("a, a.b", null, P + "Two document paths overlap with each other; must remove or "
            + "rewrite one of these paths; path one: [a], path two: [a, b]"),
        Arguments.of("a.b, a", null, P + "Two document paths overlap with each other; must remove or "
            + "rewrite one of these paths; path one: [a, b], path two: [a]"),
        Arguments.of("#a, #b", names("#a", "a", "#b", "a"), P + "Two document paths overlap with "
            + "each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
        Arguments.of("b[1], b.a, #a.b, a", a, P + "Two document paths overlap with each other; must "
            + "remove or rewrite one of these paths; path one: [a, b], path two: [a]"),
        Arguments.of("a, #a[1]", a, P + "Two document paths overlap with each other; must remove or "
            + "rewrite one of these paths; path one: [a], path two: [a, [1]]"),
        Arguments.of("a.b, #a[1], #b", ab3, P + "Two document paths conflict with each other; must "
            + "remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"),
        Arguments.of("a.b[1], #a[1], #b", ab3, P + "Two document paths conflict with each other; must "
            + "remove or rewrite one of these paths; path one: [a, b, [1]], path two: [a, [1]]"),
        Arguments.of("a[3].b, #a.#b.b", ab3, P + "Two document paths conflict with each other; must "
            + "remove or rewrite one of these paths; path one: [a, [3], b], path two: [a, [3], b]"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejects(String expression, Map<String, String> names, String message) {
    assertValidation(() -> new ExpressionContext(names, null).projection(expression), message);
  }

  @Test
  void limits() {
    String atLimit = "a" + "z".repeat(4095);
    assertThat(ExpressionContext.empty().projection(atLimit).apply(ITEM)).isEmpty();
    assertValidation(() -> ExpressionContext.empty().projection(atLimit + "z"),
        P + "Expression size has exceeded the maximum allowed size;");
    assertValidation(() -> ExpressionContext.empty().projection("a" + ".b".repeat(32)),
        P + "The document path has too many nesting levels; nesting levels: 33");
    // placeholders count in the raw text, not once substituted
    Map<String, String> many = new java.util.LinkedHashMap<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 686; i++) {
      many.put("#a" + i, "attribute" + i);
      sb.append(i == 0 ? "" : ",").append("#a").append(i);
    }
    assertThat(new ExpressionContext(many, null).projection(sb.toString()).paths()).hasSize(686);
  }
}
