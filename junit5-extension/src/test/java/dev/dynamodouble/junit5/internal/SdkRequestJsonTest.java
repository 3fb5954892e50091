package dev.dynamodouble.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;

/**
 * The CreateTable body the extension hands to the engine is the one the SDK's own marshaller
 * writes for the same request (captured from a real client before it is sent), member for member.
 */
class SdkRequestJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicReference<String> SENT = new AtomicReference<>();
  private static DynamoDbClient client;

  /** Stops every call once its body is known. */
  private static final class Sent extends RuntimeException {
    Sent() {
      super(null, null, false, false);
    }
  }

  @BeforeAll
  static void capturingClient() {
    client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9")).region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            try {
              SENT.set(new String(context.requestBody().orElseThrow().contentStreamProvider().newStream()
                  .readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            throw new Sent();
          }
        }))
        .build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void aPlainTableIsWrittenAsTheSdkWritesIt() throws IOException {
    assertSameAsSdk(CreateTableRequest.builder().tableName("orders")
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .billingMode(BillingMode.PAY_PER_REQUEST).build());
  }

  @Test
  void everyKindOfMemberIsWrittenAsTheSdkWritesIt() throws IOException {
    assertSameAsSdk(CreateTableRequest.builder().tableName("tab\"le\\ \u0001 é")
        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
            a -> a.attributeName("g").attributeType("B"))
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))
        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("a", "b"))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(2L)))
        .localSecondaryIndexes(l -> l.indexName("bySk").keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
            k -> k.attributeName("g").keyType(KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.ALL)))
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
        .sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId("alias/k"))
        .tags(t -> t.key("team").value("x"))
        .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
        .deletionProtectionEnabled(false)
        .onDemandThroughput(o -> o.maxReadRequestUnits(10L))
        .warmThroughput(w -> w.readUnitsPerSecond(12000L))
        .resourcePolicy("{\"Version\": \"2012-10-17\"}")
        .build());
  }

  @Test
  void anExplicitlyEmptyListIsWrittenAndAnUnsetOneIsNot() throws IOException {
    assertSameAsSdk(CreateTableRequest.builder().tableName("t").tags(java.util.List.of())
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)).build());
  }

  @Test
  void binaryAndMapsAreWrittenAsTheSdkWritesThem() throws IOException {
    PutItemRequest put = PutItemRequest.builder().tableName("t").item(java.util.Map.of(
        "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})),
        "m", AttributeValue.fromM(java.util.Map.of("n", AttributeValue.fromN("1.50"), "l",
            AttributeValue.fromL(java.util.List.of(AttributeValue.fromBool(true), AttributeValue.fromNul(true)))))))
        .build();
    assertThat(JSON.readTree(SdkRequestJson.of(put))).isEqualTo(JSON.readTree(sent(() -> client.putItem(put))));
  }

  private static void assertSameAsSdk(CreateTableRequest request) throws IOException {
    String ours = SdkRequestJson.of(request);
    assertThat(ours).isNotNull();
    assertThat(JSON.readTree(ours)).isEqualTo(JSON.readTree(sent(() -> client.createTable(request))));
  }

  private static String sent(Runnable call) {
    SENT.set(null);
    assertThatThrownBy(call::run).isInstanceOf(Sent.class);
    return SENT.get();
  }
}
