package dev.dynamodouble.core.sdk;

import static dev.dynamodouble.core.sdk.SdkTestSupport.assertError;
import static dev.dynamodouble.core.sdk.SdkTestSupport.assertValidation;
import static dev.dynamodouble.core.sdk.SdkTestSupport.item;
import static dev.dynamodouble.core.sdk.SdkTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.error.Echo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Every operation whose TableName the API reference says may be "the Amazon Resource Name (ARN) of
 * the table" is called with the ARN and must act as it does with the name; a missing table's ARN
 * fails as its name does, and an ARN of another region than the request's is refused. (BatchGetItem and BatchWriteItem: see {@link BatchTest}; the ARN-only
 * members ExportTableToPointInTime.TableArn and the tagging calls' ResourceArn: see their own tests.)
 */
class TableArnEverywhereTest {
  static DynamoDouble dynamo;
  static DynamoDbClient client;
  static String things;
  static String admin;

  @BeforeAll
  static void start() {
    dynamo = DynamoDouble.builder().start();
    client = SdkTestSupport.client(dynamo);
    SdkTestSupport.createTable(client, "things", "pk", "sk");
    SdkTestSupport.createTable(client, "admin", "pk", null);
    things = arnOf("things");
    admin = arnOf("admin");
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  static String arnOf(String table) {
    return client.describeTable(r -> r.tableName(table)).table().tableArn();
  }

  @Test
  void itemOperationsTakeTheArnAndAnswerItInConsumedCapacity() {
    var put = client.putItem(r -> r.tableName(things).item(item("pk", "a", "sk", "1", "n", "one"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    // ConsumedCapacity.TableName: "If you had specified the ARN of a table in the input, you'll see the table ARN"
    assertThat(put.consumedCapacity().tableName()).isEqualTo(things);
    assertThat(client.putItem(r -> r.tableName("things").item(item("pk", "a", "sk", "2"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().tableName()).isEqualTo("things");

    var got = client.getItem(r -> r.tableName(things).key(item("pk", "a", "sk", "1"))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(got.item()).isEqualTo(item("pk", "a", "sk", "1", "n", "one"));
    assertThat(got.consumedCapacity().tableName()).isEqualTo(things);

    var updated = client.updateItem(r -> r.tableName(things).key(item("pk", "a", "sk", "1"))
        .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", s("uno")))
        .returnValues("ALL_NEW").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(updated.attributes()).containsEntry("n", s("uno"));
    assertThat(updated.consumedCapacity().tableName()).isEqualTo(things);

    var query = client.query(r -> r.tableName(things).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(query.items()).isEqualTo(client.query(r -> r.tableName("things").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("a")))).items()).hasSize(2);
    assertThat(query.consumedCapacity().tableName()).isEqualTo(things);

    var scan = client.scan(r -> r.tableName(things).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(scan.items()).isEqualTo(client.scan(r -> r.tableName("things")).items());
    assertThat(scan.consumedCapacity().tableName()).isEqualTo(things);

    var deleted = client.deleteItem(r -> r.tableName(things).key(item("pk", "a", "sk", "2"))
        .returnValues("ALL_OLD").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(deleted.attributes()).isEqualTo(item("pk", "a", "sk", "2"));
    assertThat(deleted.consumedCapacity().tableName()).isEqualTo(things);
    assertThat(client.getItem(r -> r.tableName("things").key(item("pk", "a", "sk", "2"))).hasItem()).isFalse();
  }

  @Test
  void transactionsTakeTheArn() {
    var written = client.transactWriteItems(r -> r.transactItems(
        t -> t.put(p -> p.tableName(things).item(item("pk", "t", "sk", "1"))),
        t -> t.update(u -> u.tableName(things).key(item("pk", "t", "sk", "2")).updateExpression("SET n = :n")
            .expressionAttributeValues(Map.of(":n", s("two")))),
        t -> t.conditionCheck(c -> c.tableName(admin).key(item("pk", "absent"))
            .conditionExpression("attribute_not_exists(pk)")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(written.consumedCapacity()).extracting(ConsumedCapacity::tableName)
        .containsExactlyInAnyOrder(things, admin);

    var read = client.transactGetItems(r -> r.transactItems(
        t -> t.get(g -> g.tableName(things).key(item("pk", "t", "sk", "1"))),
        t -> t.get(g -> g.tableName("things").key(item("pk", "t", "sk", "2"))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(read.responses()).extracting(response -> response.item())
        .containsExactly(item("pk", "t", "sk", "1"), item("pk", "t", "sk", "2", "n", "two"));
    assertThat(read.consumedCapacity()).extracting(ConsumedCapacity::tableName).contains(things);

    // one item named once by the table's name and once by its ARN is still one item
    assertValidation(() -> client.transactWriteItems(r -> r.transactItems(
            t -> t.put(p -> p.tableName(things).item(item("pk", "t", "sk", "3"))),
            t -> t.delete(d -> d.tableName("things").key(item("pk", "t", "sk", "3"))))),
        "Transaction request cannot include multiple operations on one item");
  }

  @Test
  void tableSettingsCallsTakeTheArnAndAnswerTheTableName() {
    var described = client.describeTable(r -> r.tableName(admin)).table();
    assertThat(described.tableName()).isEqualTo("admin");
    assertThat(described.tableArn()).isEqualTo(admin);

    var updated = client.updateTable(r -> r.tableName(admin)
        .streamSpecification(spec -> spec.streamEnabled(true).streamViewType("NEW_IMAGE"))).tableDescription();
    assertThat(updated.tableName()).isEqualTo("admin");
    assertThat(updated.streamSpecification().streamEnabled()).isTrue();

    client.updateTimeToLive(r -> r.tableName(admin).timeToLiveSpecification(t -> t.enabled(true).attributeName("ttl")));
    assertThat(client.describeTimeToLive(r -> r.tableName(admin)).timeToLiveDescription())
        .satisfies(d -> assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED))
        .satisfies(d -> assertThat(d.attributeName()).isEqualTo("ttl"));

    client.updateContinuousBackups(r -> r.tableName(admin)
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    assertThat(client.describeContinuousBackups(r -> r.tableName(admin)).continuousBackupsDescription()
        .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");

    var backup = client.createBackup(r -> r.tableName(admin).backupName("by-arn")).backupDetails();
    assertThat(client.listBackups(r -> r.tableName(admin)).backupSummaries())
        .singleElement().satisfies(summary -> {
          assertThat(summary.backupArn()).isEqualTo(backup.backupArn());
          assertThat(summary.tableName()).isEqualTo("admin");
          assertThat(summary.tableArn()).isEqualTo(admin);
        });

    var insights = client.updateContributorInsights(r -> r.tableName(admin)
        .contributorInsightsAction(ContributorInsightsAction.ENABLE));
    assertThat(insights.tableName()).isEqualTo("admin");
    assertThat(client.describeContributorInsights(r -> r.tableName(admin)).tableName()).isEqualTo("admin");
    assertThat(client.listContributorInsights(r -> r.tableName(admin)).contributorInsightsSummaries())
        .singleElement().satisfies(summary -> assertThat(summary.tableName()).isEqualTo("admin"));

    String stream = "arn:aws:kinesis:us-east-1:000000000000:stream/by-arn";
    assertThat(client.enableKinesisStreamingDestination(r -> r.tableName(admin).streamArn(stream)).tableName())
        .isEqualTo("admin");
    assertThat(client.describeKinesisStreamingDestination(r -> r.tableName(admin)).tableName()).isEqualTo("admin");
    assertThat(client.updateKinesisStreamingDestination(r -> r.tableName(admin).streamArn(stream)
        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("MILLISECOND")))
        .tableName()).isEqualTo("admin");
    assertThat(client.disableKinesisStreamingDestination(r -> r.tableName(admin).streamArn(stream)).tableName())
        .isEqualTo("admin");

    client.updateTableReplicaAutoScaling(r -> r.tableName(admin).provisionedWriteCapacityAutoScalingUpdate(a -> a
        .minimumUnits(1L).maximumUnits(10L)
        .scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0)))));
    assertThat(client.describeTableReplicaAutoScaling(r -> r.tableName(admin)).tableAutoScalingDescription()
        .tableName()).isEqualTo("admin");
  }

  @Test
  void resourcePolicyAndTagCallsTakeTheTableArn() {
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"" + admin + "\"}]}";
    String revision = client.putResourcePolicy(r -> r.resourceArn(admin).policy(policy)).revisionId();
    assertThat(client.getResourcePolicy(r -> r.resourceArn(admin)).revisionId()).isEqualTo(revision);
    client.deleteResourcePolicy(r -> r.resourceArn(admin));

    client.tagResource(r -> r.resourceArn(admin).tags(t -> t.key("team").value("arn")));
    assertThat(client.listTagsOfResource(r -> r.resourceArn(admin)).tags()).singleElement()
        .satisfies(tag -> assertThat(tag.value()).isEqualTo("arn"));
    client.untagResource(r -> r.resourceArn(admin).tagKeys("team"));
  }

  @Test
  void deleteTableTakesTheArn() {
    SdkTestSupport.createTable(client, "doomed", "pk", null);
    var deleted = client.deleteTable(r -> r.tableName(arnOf("doomed"))).tableDescription();
    assertThat(deleted.tableName()).isEqualTo("doomed");
    assertThat(client.listTables().tableNames()).doesNotContain("doomed");
  }

  /** Each call, given a table name or ARN. */
  private static Map<String, Consumer<String>> callsNamingATable() {
    Map<String, Consumer<String>> calls = new LinkedHashMap<>();
    calls.put("GetItem", t -> client.getItem(r -> r.tableName(t).key(item("pk", "x", "sk", "y"))));
    calls.put("PutItem", t -> client.putItem(r -> r.tableName(t).item(item("pk", "x", "sk", "y"))));
    calls.put("UpdateItem", t -> client.updateItem(r -> r.tableName(t).key(item("pk", "x", "sk", "y"))));
    calls.put("DeleteItem", t -> client.deleteItem(r -> r.tableName(t).key(item("pk", "x", "sk", "y"))));
    calls.put("Query", t -> client.query(r -> r.tableName(t).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("x")))));
    calls.put("Scan", t -> client.scan(r -> r.tableName(t)));
    calls.put("TransactGetItems", t -> client.transactGetItems(r -> r.transactItems(
        i -> i.get(g -> g.tableName(t).key(item("pk", "x", "sk", "y"))))));
    calls.put("TransactWriteItems", t -> client.transactWriteItems(r -> r.transactItems(
        i -> i.put(p -> p.tableName(t).item(item("pk", "x", "sk", "y"))))));
    calls.put("DescribeTable", t -> client.describeTable(r -> r.tableName(t)));
    calls.put("UpdateTable", t -> client.updateTable(r -> r.tableName(t).deletionProtectionEnabled(false)));
    calls.put("DeleteTable", t -> client.deleteTable(r -> r.tableName(t)));
    calls.put("DescribeTimeToLive", t -> client.describeTimeToLive(r -> r.tableName(t)));
    calls.put("UpdateTimeToLive", t -> client.updateTimeToLive(r -> r.tableName(t)
        .timeToLiveSpecification(s -> s.enabled(true).attributeName("ttl"))));
    calls.put("DescribeContinuousBackups", t -> client.describeContinuousBackups(r -> r.tableName(t)));
    calls.put("UpdateContinuousBackups", t -> client.updateContinuousBackups(r -> r.tableName(t)
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true))));
    calls.put("CreateBackup", t -> client.createBackup(r -> r.tableName(t).backupName("by-call")));
    calls.put("DescribeContributorInsights", t -> client.describeContributorInsights(r -> r.tableName(t)));
    calls.put("UpdateContributorInsights", t -> client.updateContributorInsights(r -> r.tableName(t)
        .contributorInsightsAction(ContributorInsightsAction.ENABLE)));
    calls.put("ListContributorInsights", t -> client.listContributorInsights(r -> r.tableName(t)));
    calls.put("DescribeKinesisStreamingDestination", t -> client.describeKinesisStreamingDestination(
        r -> r.tableName(t)));
    calls.put("EnableKinesisStreamingDestination", t -> client.enableKinesisStreamingDestination(
        r -> r.tableName(t).streamArn("arn:aws:kinesis:us-east-1:000000000000:stream/s")));
    calls.put("DescribeTableReplicaAutoScaling", t -> client.describeTableReplicaAutoScaling(r -> r.tableName(t)));
    return calls;
  }

  private static DynamoDbException failure(Consumer<String> call, String table) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> call.accept(table));
    assertThat(e).as("a call naming %s", table).isNotNull();
    return e;
  }

  @Test
  void aMissingTablesArnFailsAsItsNameDoes() {
    String missing = things.replace(":table/things", ":table/nosuchtable");
    callsNamingATable().forEach((operation, call) -> {
      DynamoDbException byName = failure(call, "nosuchtable");
      DynamoDbException byArn = failure(call, missing);
      assertThat(byArn.awsErrorDetails().errorCode()).as(operation).isEqualTo(byName.awsErrorDetails().errorCode());
      assertThat(byArn.awsErrorDetails().errorMessage()).as(operation)
          .isEqualTo(byName.awsErrorDetails().errorMessage());
    });
  }

  /** The member constraint a table ARN of the wrong shape fails, as DynamoDB words it. */
  private static final String ARN_FORMAT = "Valid ARN format is 'arn:<awsPartition>:<vendor>:<region>:<subscriber>:"
      + "resourceType/resourceName', where Resource name must have length less than or equal to 255, Resource name "
      + "must have length greater than or equal to 3, Resource name must satisfy regular expression pattern: "
      + "[a-zA-Z0-9_.-]+";

  /** Asserts every call naming {@code arn}, and the batch calls keyed by it, fail the ARN-format constraint. */
  private static void assertRefusedEverywhere(String arn, String constraint) {
    callsNamingATable().forEach((operation, call) -> {
      DynamoDbException e = failure(call, arn);
      assertThat(e.awsErrorDetails().errorCode()).as(operation).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).as(operation)
          .startsWith("1 validation error detected: Value '" + arn + "' at '")
          .endsWith("' failed to satisfy constraint: " + constraint);
    });
    for (Consumer<String> batch : List.<Consumer<String>>of(
        t -> client.batchGetItem(r -> r.requestItems(Map.of(t,
            KeysAndAttributes.builder().keys(item("pk", "part", "sk", "1")).build()))),
        t -> client.batchWriteItem(r -> r.requestItems(Map.of(t, List.of(WriteRequest.builder()
            .putRequest(p -> p.item(item("pk", "part", "sk", "1"))).build())))),
        t -> client.listBackups(r -> r.tableName(t)))) {
      assertThat(failure(batch, arn).awsErrorDetails().errorMessage()).endsWith(constraint);
    }
  }

  @Test
  void anIndexOrStreamArnNamesNoTableAndIsRefusedAsInvalid() {
    // Such an ARN starts with the table's own, but names a part of it: its resource name goes on
    // with a slash, so it fails the ARN-format constraint and is never run on the table.
    client.putItem(r -> r.tableName("things").item(item("pk", "part", "sk", "1", "n", "kept")));
    for (String part : List.of(things + "/index/byN", things + "/stream/2024-01-01T00:00:00.000",
        things + "/backup/01700000000000-abcdef12")) {
      assertRefusedEverywhere(part, ARN_FORMAT);
    }
    assertThat(client.getItem(r -> r.tableName("things").key(item("pk", "part", "sk", "1"))).item())
        .containsEntry("n", s("kept"));
    assertThat(client.describeTable(r -> r.tableName("things")).table().tableStatusAsString()).isEqualTo("ACTIVE");
    // a missing table's index ARN is refused the same way: the ARN is invalid whatever the table
    String missing = things.replace(":table/things", ":table/nosuchtable") + "/index/byN";
    assertValidation(() -> client.getItem(r -> r.tableName(missing).key(item("pk", "x", "sk", "y"))),
        "1 validation error detected: Value '" + missing + "' at 'tableName' failed to satisfy constraint: "
            + ARN_FORMAT);
  }

  @Test
  void anArnWithoutATableResourceIsRefusedAsInvalid() {
    // An ARN with no "type/name" resource is no table's: not "not found", a ValidationException.
    String noResource = "arn:aws:dynamodb:us-east-1:123456789012:foo";
    assertValidation(() -> client.getItem(r -> r.tableName(noResource).key(item("pk", "x", "sk", "y"))),
        "1 validation error detected: Value '" + noResource + "' at 'tableName' failed to satisfy constraint: "
            + ARN_FORMAT);
    assertRefusedEverywhere(noResource, ARN_FORMAT);
    assertRefusedEverywhere("arn:aws:dynamodb", ARN_FORMAT);
    assertRefusedEverywhere("arn:aws:dynamodb:us-east-1:000000000000:table/",
        "Table name of ARN must have length greater than or equal to 3");
    assertRefusedEverywhere("arn:aws:dynamodb:us-east-1:000000000000:table/thing!s", ARN_FORMAT);
  }

  @Test
  void anArnOfAnotherTypeOfResourceIsRefusedAsAnInvalidResourceType() {
    String stream = "arn:aws:dynamodb:us-east-1:000000000000:stream/things";
    String message = "1 validation error detected: Invalid resource type in '" + stream + "'";
    callsNamingATable().forEach((operation, call) -> {
      DynamoDbException e = failure(call, stream);
      assertThat(e.awsErrorDetails().errorCode()).as(operation).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).as(operation).isEqualTo(message);
    });
    assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(stream, List.of(WriteRequest.builder()
        .putRequest(p -> p.item(item("pk", "x", "sk", "1"))).build())))), message);
  }

  /** The calls {@link #callsNamingATable} leaves out: each names a table once more, in its own way. */
  private static Map<String, Consumer<String>> moreCallsNamingATable() {
    Map<String, Consumer<String>> calls = new LinkedHashMap<>();
    calls.put("BatchGetItem", t -> client.batchGetItem(r -> r.requestItems(Map.of(t,
        KeysAndAttributes.builder().keys(item("pk", "x", "sk", "y")).build()))));
    calls.put("BatchWriteItem put", t -> client.batchWriteItem(r -> r.requestItems(Map.of(t, List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", "x", "sk", "y"))).build())))));
    calls.put("BatchWriteItem delete", t -> client.batchWriteItem(r -> r.requestItems(Map.of(t, List.of(
        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", "x", "sk", "y"))).build())))));
    calls.put("TransactWriteItems update", t -> client.transactWriteItems(r -> r.transactItems(
        i -> i.update(u -> u.tableName(t).key(item("pk", "x", "sk", "y")).updateExpression("SET n = :n")
            .expressionAttributeValues(Map.of(":n", s("v")))))));
    calls.put("TransactWriteItems delete", t -> client.transactWriteItems(r -> r.transactItems(
        i -> i.delete(d -> d.tableName(t).key(item("pk", "x", "sk", "y"))))));
    calls.put("TransactWriteItems conditionCheck", t -> client.transactWriteItems(r -> r.transactItems(
        i -> i.conditionCheck(c -> c.tableName(t).key(item("pk", "x", "sk", "y"))
            .conditionExpression("attribute_not_exists(pk)")))));
    calls.put("ListBackups", t -> client.listBackups(r -> r.tableName(t)));
    calls.put("UpdateKinesisStreamingDestination", t -> client.updateKinesisStreamingDestination(r -> r.tableName(t)
        .streamArn("arn:aws:kinesis:us-east-1:000000000000:stream/s")
        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("MILLISECOND"))));
    calls.put("DisableKinesisStreamingDestination", t -> client.disableKinesisStreamingDestination(
        r -> r.tableName(t).streamArn("arn:aws:kinesis:us-east-1:000000000000:stream/s")));
    calls.put("UpdateTableReplicaAutoScaling", t -> client.updateTableReplicaAutoScaling(r -> r.tableName(t)
        .provisionedWriteCapacityAutoScalingUpdate(a -> a.minimumUnits(1L).maximumUnits(10L)
            .scalingPolicyUpdate(p -> p.targetTrackingScalingPolicyConfiguration(c -> c.targetValue(50.0))))));
    calls.put("SearchVectors", t -> client.searchVectors(r -> r.tableName(t).indexName("byEmb").topK(1)
        .searchVector(AttributeValue.fromN("1"), AttributeValue.fromN("2"))));
    calls.put("ExecuteStatement", t -> client.executeStatement(r -> r.statement(
        "SELECT * FROM \"" + t + "\" WHERE pk = 'x'")));
    calls.put("ExecuteStatement insert", t -> client.executeStatement(r -> r.statement(
        "INSERT INTO \"" + t + "\" VALUE {'pk': 'x', 'sk': 'y'}")));
    calls.put("ExecuteTransaction", t -> client.executeTransaction(r -> r.transactStatements(
        st -> st.statement("UPDATE \"" + t + "\" SET n = 'v' WHERE pk = 'x' AND sk = 'y'"))));
    return calls;
  }

  @Test
  void anArnOfAnotherRegionIsAnInvalidRegionEverywhere() {
    // DynamoDB answers a table ARN of another region than the request's "Invalid AWS region in
    // '<arn>'": looking its name up here would act on another table than the one named (a global
    // table's other replica), so it is refused before any table is looked up, and the endpoint's
    // own table of that name is left alone.
    client.putItem(r -> r.tableName("things").item(item("pk", "x", "sk", "y", "n", "kept")));
    Map<String, Consumer<String>> calls = callsNamingATable();
    calls.putAll(moreCallsNamingATable());
    for (String otherRegion : List.of(things.replace(":us-east-1:", ":eu-west-1:"),
        things.replace(":us-east-1:", "::"), things.replace(":us-east-1:", ":US-EAST-1:"),
        admin.replace(":us-east-1:", ":eu-west-1:"))) {
      String message = "1 validation error detected: Invalid AWS region in '" + otherRegion + "'";
      calls.forEach((operation, call) -> {
        DynamoDbException e = failure(call, otherRegion);
        assertThat(e.awsErrorDetails().errorCode()).as(operation).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).as(operation).isEqualTo(message);
      });
    }
    // BatchExecuteStatement answers it for the one statement, as it answers a missing table
    String otherRegion = things.replace(":us-east-1:", ":eu-west-1:");
    var responses = client.batchExecuteStatement(r -> r.statements(
        st -> st.statement("DELETE FROM \"" + otherRegion + "\" WHERE pk = 'x' AND sk = 'y'"),
        st -> st.statement("DELETE FROM \"things\" WHERE pk = 'absent' AND sk = 'y'"))).responses();
    assertThat(responses.get(0).error().codeAsString()).isEqualTo("ValidationError");
    assertThat(responses.get(0).error().message())
        .isEqualTo("1 validation error detected: Invalid AWS region in '" + otherRegion + "'");
    assertThat(responses.get(1).error()).isNull();
    assertThat(client.getItem(r -> r.tableName("things").key(item("pk", "x", "sk", "y"))).item())
        .containsEntry("n", s("kept"));
    assertThat(client.describeTable(r -> r.tableName("things")).table().tableStatusAsString()).isEqualTo("ACTIVE");
  }

  @Test
  void anArnOfAnotherRegionIsCountedAmongTheOtherMemberConstraints() {
    // It is a constraint of its member, reported with the request's others in the member's place.
    String otherRegion = things.replace(":us-east-1:", ":eu-west-1:");
    assertValidation(() -> client.scan(r -> r.tableName(otherRegion).limit(0)),
        "2 validation errors detected: Invalid AWS region in '" + otherRegion + "'; Value '0' at 'limit' failed to "
            + "satisfy constraint: Member must have value greater than or equal to 1");
    assertValidation(() -> client.transactWriteItems(r -> r.transactItems(
            i -> i.put(p -> p.tableName("things")),
            i -> i.delete(d -> d.tableName(otherRegion).key(item("pk", "x", "sk", "y"))))),
        "2 validation errors detected: Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: "
            + "Member must not be null; Invalid AWS region in '" + otherRegion + "'");
    // one error for the ARN: its region is judged before what it names
    String otherRegionsIndex = otherRegion + "/index/byN";
    assertValidation(() -> client.describeTable(r -> r.tableName(otherRegionsIndex)),
        "1 validation error detected: Invalid AWS region in '" + otherRegionsIndex + "'");
    // an ARN that does not split into its fields fails the ARN format, whatever its region
    String noResource = "arn:aws:dynamodb:eu-west-1:000000000000:things";
    assertValidation(() -> client.describeTable(r -> r.tableName(noResource)),
        "1 validation error detected: Value '" + noResource + "' at 'tableName' failed to satisfy constraint: "
            + ARN_FORMAT);
  }

  @Test
  void anArnOfAnotherPartitionThanTheRegionsIsAnInvalidPartition() {
    // A request's region belongs to one partition (us-east-1: aws); another partition, or none that
    // exists, is refused before the region is judged.
    Map<String, Consumer<String>> calls = callsNamingATable();
    for (String foreign : List.of(things.replace("arn:aws:", "arn:aws-cn:"), things.replace("arn:aws:", "arn:nope:"),
        things.replace("arn:aws:", "arn:aws-us-gov:").replace(":us-east-1:", ":eu-west-1:"))) {
      String message = "1 validation error detected: Invalid AWS partition in '" + foreign + "'";
      calls.forEach((operation, call) -> {
        DynamoDbException e = failure(call, foreign);
        assertThat(e.awsErrorDetails().errorCode()).as(operation).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).as(operation).isEqualTo(message);
      });
    }
    // a China region's requests name aws-cn ARNs, and the aws ARNs this endpoint hands out
    try (DynamoDbClient beijing = SdkTestSupport.client(dynamo, "cn-north-1")) {
      SdkTestSupport.createTable(beijing, "things", "pk", null);
      String handedOut = beijing.describeTable(r -> r.tableName("things")).table().tableArn();
      String china = handedOut.replace("arn:aws:", "arn:aws-cn:");
      assertThat(beijing.describeTable(r -> r.tableName(china)).table().tableName()).isEqualTo("things");
      assertThat(beijing.describeTable(r -> r.tableName(handedOut)).table().tableName()).isEqualTo("things");
      String gov = handedOut.replace("arn:aws:", "arn:aws-us-gov:");
      assertValidation(() -> beijing.describeTable(r -> r.tableName(gov)),
          "1 validation error detected: Invalid AWS partition in '" + gov + "'");
      beijing.deleteTable(r -> r.tableName("things"));
    }
  }

  @Test
  void theRequestsRegionIsTheOneItsArnsMustName() {
    // The region is the request's (its credential scope): eu-west-1's client names eu-west-1's tables.
    String east = things;
    String west = things.replace(":us-east-1:", ":eu-west-1:");
    try (DynamoDbClient westClient = SdkTestSupport.client(dynamo, "eu-west-1")) {
      assertValidation(() -> westClient.describeTable(r -> r.tableName(east)),
          "1 validation error detected: Invalid AWS region in '" + east + "'");
      assertError(() -> westClient.describeTable(r -> r.tableName(west)), "ResourceNotFoundException",
          "Requested resource not found: Table: things not found");
    }
  }

  @Test
  void theArnsAccountIsNotChecked() {
    // The endpoint's tables are one account's: a production ARN names them whatever its account.
    client.putItem(r -> r.tableName("things").item(item("pk", "elsewhere", "sk", "1")));
    String otherAccount = things.replace(":000000000000:", ":111122223333:");
    assertThat(client.getItem(r -> r.tableName(otherAccount).key(item("pk", "elsewhere", "sk", "1"))).hasItem())
        .isTrue();
  }

  @Test
  void anOverLongArnIsRefusedByTheLengthConstraint() {
    // long in its account field (which is not checked), so that its table name stays a valid one
    String longArn = things.replace(":000000000000:", ":" + SdkTestSupport.repeat('0', 1025 - things.length() + 12) + ":");
    String message = "1 validation error detected: Value '" + Echo.of(longArn) + "' at 'tableName' failed to satisfy "
        + "constraint: Member must have length less than or equal to 1024";
    assertValidation(() -> client.getItem(r -> r.tableName(longArn).key(item("pk", "x", "sk", "y"))), message);
    assertValidation(() -> client.describeTable(r -> r.tableName(longArn)), message);
  }

  @Test
  void listStreamsTakesOnlyATableName() {
    // DynamoDB Streams' ListStreams.TableName is a name: 3 to 255 characters of [a-zA-Z0-9_.-]
    try (DynamoDbStreamsClient streams = SdkTestSupport.streamsClient(dynamo, "us-east-1")) {
      var e = catchThrowableOfType(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
          () -> streams.listStreams(r -> r.tableName(things)));
      assertThat(e).isNotNull();
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }
  }

  @Test
  void aPartiqlStatementMayNameTheTableByItsArn() {
    // Kept as it was: the API reference gives ExecuteStatement no TableName, and the PartiQL
    // reference names tables only by name; a quoted ARN resolves as TableName does, and is judged
    // as TableName's is (another region's: see anArnOfAnotherRegionIsAnInvalidRegionEverywhere).
    client.putItem(r -> r.tableName("things").item(item("pk", "q", "sk", "1")));
    var byName = client.executeStatement(r -> r.statement("SELECT * FROM \"things\" WHERE pk = 'q'")).items();
    var byArn = client.executeStatement(r -> r.statement("SELECT * FROM \"" + things + "\" WHERE pk = 'q'")).items();
    assertThat(byArn).isEqualTo(byName).hasSize(1);
    String index = things + "/index/byN";
    assertValidation(() -> client.executeStatement(r -> r.statement("SELECT * FROM \"" + index + "\"")),
        "1 validation error detected: Value '" + index + "' at 'tableName' failed to satisfy constraint: " + ARN_FORMAT);
  }
}
