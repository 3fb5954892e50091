package dev.dynamodouble.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.operation.Operations;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The README's "Operations of the DynamoDB API", held against the SDK: every operation of the SDK's
 * DynamoDbClient (and DynamoDbStreamsClient) is sent once with an empty request over the real
 * endpoint. One the README lists as done is answered by its own operation (a result, or an error
 * about the request, never UnknownOperationException nor "not supported"); any other is refused
 * with the ValidationException the section promises, naming the operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiOperationsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final String NOT_SUPPORTED = " is not supported by Dynamo Double yet: ";
  private DynamoDouble dynamo;
  private DynamoDbClient client;
  private DynamoDbStreamsClient streams;

  @BeforeAll
  void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    streams = SdkTestSupport.streamsClient(dynamo, "us-east-1");
  }

  @AfterAll
  void stop() {
    client.close();
    streams.close();
    dynamo.close();
  }

  /** The README table's rows: operation name to status (the Streams row split into its operations). */
  private static Map<String, String> readmeRows() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int from = readme.indexOf("\n## Operations of the DynamoDB API\n");
    String section = readme.substring(from, readme.indexOf("\n**Kinesis streaming destinations.**", from));
    Map<String, String> rows = new LinkedHashMap<>();
    section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| operation ")).forEach(line -> {
      String[] cells = line.split(" \\| ", 2);
      String names = cells[0].substring(2).trim();
      String status = cells[1].substring(0, cells[1].length() - 2).trim();
      if (names.startsWith("DynamoDB Streams: ")) {
        Arrays.stream(names.substring(18).split(", ")).forEach(n -> rows.put(n, status));
      } else {
        rows.put(names, status);
      }
    });
    return rows;
  }

  /** The SDK's operations of a client interface: the one-request methods that send them (no paginators). */
  private static Stream<Method> operations(Class<? extends SdkClient> client) {
    return Arrays.stream(client.getMethods())
        .filter(m -> m.getParameterCount() == 1 && AwsRequest.class.isAssignableFrom(m.getParameterTypes()[0]))
        .filter(m -> !m.getName().endsWith("Paginator"))
        .sorted((a, b) -> a.getName().compareTo(b.getName()));
  }

  private static String name(Method operation) {
    String request = operation.getParameterTypes()[0].getSimpleName();
    return request.substring(0, request.length() - "Request".length());
  }

  Stream<Method> dynamoDbOperations() {
    return operations(DynamoDbClient.class);
  }

  Stream<Method> streamsOperations() {
    return operations(DynamoDbStreamsClient.class);
  }

  /** Sends {@code operation} with an empty request: null when it succeeded, else the service's error. */
  private static DynamoDbException send(Object client, Method operation) {
    try {
      SdkBuilder<?, ?> builder = (SdkBuilder<?, ?>) operation.getParameterTypes()[0].getMethod("builder").invoke(null);
      operation.invoke(client, builder.build());
      return null;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof DynamoDbException error) {
        return error;
      }
      throw new AssertionError(operation.getName() + " failed outside the service", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("dynamoDbOperations")
  void everyDynamoDbOperationIsAnsweredOrRefusedAsTheReadmeLists(Method operation) throws IOException {
    String name = name(operation);
    String status = readmeRows().get(name);
    assertThat(Operations.dynamoDb().get(name)).as("Operations.dynamoDb() serves %s", name).isNotNull();
    DynamoDbException error = send(client, operation);
    if (status != null && status.startsWith("done")) {
      if (error != null) {
        assertThat(error.awsErrorDetails().errorCode()).as(name).isNotEqualTo("UnknownOperationException");
        assertThat(error.awsErrorDetails().errorMessage()).as(name).doesNotContain(NOT_SUPPORTED);
      }
    } else {
      assertThat(error).as("%s (README: %s) is refused", name, status).isNotNull();
      assertThat(error.awsErrorDetails().errorCode()).as(name).isEqualTo("ValidationException");
      assertThat(error.awsErrorDetails().errorMessage()).as(name).startsWith(name + NOT_SUPPORTED);
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("streamsOperations")
  void everyStreamsOperationIsAnswered(Method operation) throws IOException {
    String name = name(operation);
    assertThat(readmeRows().get(name)).as("README row of %s", name).startsWith("done");
    DynamoDbException error = send(streams, operation);
    if (error != null) {
      assertThat(error.awsErrorDetails().errorCode()).as(name).isNotEqualTo("UnknownOperationException");
    }
  }

  /** No README row names an operation the SDK does not have (a misspelt or invented one). */
  @Test
  void everyReadmeRowIsAnSdkOperation() throws IOException {
    List<String> sdk = Stream.concat(dynamoDbOperations(), streamsOperations()).map(ApiOperationsTest::name).toList();
    assertThat(sdk).containsAll(readmeRows().keySet());
  }
}
