package dev.dynamodouble.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynamodouble.core.DynamoDouble;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * For every operation the endpoint knows (taken from the SDK's model of DynamoDB), sends every
 * request member, at any depth, a value of the wrong JSON type and every enum member a value
 * outside its set: the answer is always a 400 with a message, never a 500, and a bad enum value is
 * the service's "Member must satisfy enum value set" error.
 */
class RequestShapeFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;

  static DynamoDouble dynamo;
  static RawClient raw;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    raw = new RawClient(dynamo);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @TestFactory
  Stream<DynamicTest> everyMemberOfEveryOperation() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Method method : DynamoDbClient.class.getMethods()) {
      Class<?>[] parameters = method.getParameterTypes();
      if (parameters.length != 1 || !DynamoDbRequest.class.isAssignableFrom(parameters[0])) {
        continue;
      }
      String operation = parameters[0].getSimpleName().replaceFirst("Request$", "");
      if (!known(operation)) {
        continue;
      }
      SdkPojo shape = pojo(parameters[0]);
      boolean named = shape.sdkFields().stream().anyMatch(f -> "TableName".equals(f.locationName()));
      for (Member member : members(shape, new ArrayList<>(), new HashSet<>())) {
        tests.add(DynamicTest.dynamicTest(operation + " " + member.path() + " wrong type",
            () -> expectClientError(operation, member, member.wrap.apply(wrongType(member.field)), false)));
        if (member.isEnum()) {
          tests.add(DynamicTest.dynamicTest(operation + " " + member.path() + " bad enum",
              () -> expectClientError(operation, member, named(named, member.wrap.apply(NODES.textNode("NOT_A_VALUE"))),
                  true)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(200);
    return tests.stream();
  }

  /** A table name beside a bad enum value, so that the operation gets as far as its member constraints. */
  private static JsonNode named(boolean named, JsonNode body) {
    if (named && !body.has("TableName")) {
      ((ObjectNode) body).put("TableName", "fuzz");
    }
    return body;
  }

  private static boolean known(String operation) {
    RawClient.Response response = raw.call(operation, "{}");
    return !(response.status() == 400 && response.errorType().equals("UnknownOperationException"));
  }

  private static void expectClientError(String operation, Member member, JsonNode body, boolean badEnum)
      throws Exception {
    RawClient.Response response = raw.call(operation, JSON.writeValueAsString(body));
    assertThat(response.status()).as("%s %s -> %s", operation, body, response).isEqualTo(400);
    assertThat(response.message()).as("%s %s -> %s", operation, body, response).isNotBlank();
    boolean refusedWhole = String.valueOf(response.message()).contains("is not supported by Dynamo Double");
    if (badEnum && !refusedWhole && !member.field.memberName().equals("TableClass")) {
      assertThat(response.message()).as("%s %s", operation, body)
          .contains("Value 'NOT_A_VALUE' at '").contains("Member must satisfy enum value set: [");
      String listed = response.message().replaceFirst("(?s).*enum value set: \\[([^]]*)].*", "$1");
      assertThat(Set.of(listed.split(", "))).as("%s %s", operation, member.path()).isEqualTo(member.enumValues);
    }
  }

  /** A member at some depth, with the function that wraps its value into a whole request body. */
  private record Member(SdkField<?> field, List<String> names, Set<String> enumValues,
                        Function<JsonNode, JsonNode> wrap) {
    boolean isEnum() {
      return enumValues != null;
    }

    String path() {
      return String.join(".", names);
    }
  }

  private static SdkPojo pojo(Class<?> type) {
    try {
      return build((SdkPojo) type.getMethod("builder").invoke(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every member of {@code pojo}'s shape, recursively (AttributeValue once, not its recursion). */
  private static List<Member> members(SdkPojo pojo, List<String> prefix, Set<String> seen) {
    List<Member> result = new ArrayList<>();
    if (prefix.size() > MAX_DEPTH || !seen.add(pojo.getClass().getSimpleName())) {
      return result;
    }
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.locationName() == null) {
        continue;
      }
      List<String> names = new ArrayList<>(prefix);
      names.add(field.locationName());
      Function<JsonNode, JsonNode> wrap = value -> object(field.locationName(), value);
      collect(field, names, wrap, pojo, result, seen);
    }
    seen.remove(pojo.getClass().getSimpleName());
    return result;
  }

  private static void collect(SdkField<?> field, List<String> names, Function<JsonNode, JsonNode> wrap,
                              SdkPojo owner, List<Member> result, Set<String> seen) {
    result.add(new Member(field, names, enumValues(owner, field), wrap));
    SdkField<?> element = null;
    Function<JsonNode, JsonNode> elementWrap = null;
    if (field.marshallingType() == MarshallingType.LIST) {
      element = field.getTrait(ListTrait.class).memberFieldInfo();
      elementWrap = value -> wrap.apply(array(value));
    } else if (field.marshallingType() == MarshallingType.MAP) {
      element = field.getTrait(MapTrait.class).valueFieldInfo();
      elementWrap = value -> wrap.apply(object("k", value));
    } else if (field.marshallingType() == MarshallingType.SDK_POJO) {
      SdkPojo nested = (SdkPojo) field.constructor().get();
      SdkPojo built = build(nested);
      for (Member inner : members(built, names, seen)) {
        result.add(new Member(inner.field, inner.names, inner.enumValues, value -> wrap.apply(inner.wrap.apply(value))));
      }
      return;
    }
    if (element != null && element.marshallingType() != MarshallingType.SDK_POJO) {
      return; // lists of strings and the like: the element's wrong type is covered by the list's own
    }
    if (element != null) {
      SdkPojo built = build((SdkPojo) element.constructor().get());
      Function<JsonNode, JsonNode> outer = elementWrap;
      for (Member inner : members(built, names, seen)) {
        List<String> innerNames = new ArrayList<>(inner.names);
        innerNames.add(names.size(), "[]");
        result.add(new Member(inner.field, innerNames, inner.enumValues, value -> outer.apply(inner.wrap.apply(value))));
      }
    }
  }

  private static SdkPojo build(SdkPojo builder) {
    return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
  }

  /** The values of an enum member as the SDK models it (its getter returns an enum), or null. */
  private static Set<String> enumValues(SdkPojo owner, SdkField<?> field) {
    if (field.marshallingType() != MarshallingType.STRING) {
      return null;
    }
    for (Method method : owner.getClass().getMethods()) {
      if (method.getParameterCount() == 0 && method.getName().equalsIgnoreCase(field.memberName())
          && method.getReturnType().isEnum()) {
        Set<String> values = new HashSet<>();
        for (Object constant : method.getReturnType().getEnumConstants()) {
          if (!((Enum<?>) constant).name().equals("UNKNOWN_TO_SDK_VERSION")) {
            values.add(constant.toString());
          }
        }
        return values;
      }
    }
    return null;
  }

  private static JsonNode wrongType(SdkField<?> field) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING || type == MarshallingType.SDK_BYTES) {
      return NODES.numberNode(5);
    }
    if (type == MarshallingType.BOOLEAN) {
      return NODES.textNode("maybe");
    }
    if (type == MarshallingType.LIST || type == MarshallingType.MAP || type == MarshallingType.SDK_POJO) {
      return NODES.textNode("x");
    }
    return NODES.textNode("x"); // numbers and timestamps
  }

  private static ObjectNode object(String name, JsonNode value) {
    ObjectNode node = NODES.objectNode();
    node.set(name, value);
    return node;
  }

  private static ArrayNode array(JsonNode value) {
    return NODES.arrayNode().add(value);
  }
}
