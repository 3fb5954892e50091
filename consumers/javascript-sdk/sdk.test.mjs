// The AWS SDK for JavaScript v3 against the standalone server: its own marshalling, error
// parsing and pagination, so what the Java tests prove of the wire holds for another SDK.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  ConditionalCheckFailedException, CreateTableCommand, DescribeTableCommand, DynamoDBClient,
  ExecuteStatementCommand, PutItemCommand, ResourceNotFoundException, TransactionCanceledException,
  TransactWriteItemsCommand,
} from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand, paginateScan,
} from "@aws-sdk/lib-dynamodb";
import {
  DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { startServer } from "./server.mjs";

const TABLE = "orders";
let server, db, doc, streamArn;

before(async () => {
  server = await startServer();
  const config = { endpoint: server.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } };
  db = new DynamoDBClient(config);
  doc = DynamoDBDocumentClient.from(db);
  const created = await db.send(new CreateTableCommand({
    TableName: TABLE, BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }],
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
  }));
  streamArn = created.TableDescription.LatestStreamArn;
  db.streams = new DynamoDBStreamsClient(config);
});

after(async () => {
  db?.destroy();
  db?.streams?.destroy();
  await server?.stop();
});

test("the document client round-trips sets, lists, maps, nulls and numbers", async () => {
  const item = { pk: "doc", sk: 1, tags: new Set(["a", "b"]), scores: new Set([1, 2.5]), body: { n: [1, "two", null, true] } };
  await doc.send(new PutCommand({ TableName: TABLE, Item: item }));
  const got = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: "doc", sk: 1 }, ConsistentRead: true }));
  assert.deepEqual(got.Item, item);
});

test("a batch of 25 puts, then a descending Query on a sort-key range", async () => {
  const puts = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { pk: "batch", sk: i } } }));
  const written = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: puts } }));
  assert.deepEqual(written.UnprocessedItems, {});
  const page = await doc.send(new QueryCommand({
    TableName: TABLE, KeyConditionExpression: "pk = :p AND sk BETWEEN :lo AND :hi",
    ExpressionAttributeValues: { ":p": "batch", ":lo": 3, ":hi": 7 }, ScanIndexForward: false,
  }));
  assert.deepEqual(page.Items.map((i) => i.sk), [7, 6, 5, 4, 3]);
});

test("the SDK's paginator follows LastEvaluatedKey to the end", async () => {
  const puts = Array.from({ length: 10 }, (_, i) => ({ PutRequest: { Item: { pk: "page", sk: i } } }));
  await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: puts } }));
  const sks = [];
  let pages = 0;
  for await (const page of paginateScan({ client: doc }, {
    TableName: TABLE, Limit: 3, FilterExpression: "pk = :p", ExpressionAttributeValues: { ":p": "page" },
  })) {
    pages++;
    sks.push(...page.Items.map((i) => i.sk));
  }
  assert.deepEqual(sks.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.ok(pages > 1, `expected several pages, got ${pages}`);
});

test("UpdateItem with ADD and REMOVE returns ALL_NEW", async () => {
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: "upd", sk: 1, gone: "x" } }));
  const updated = await doc.send(new UpdateCommand({
    TableName: TABLE, Key: { pk: "upd", sk: 1 }, UpdateExpression: "ADD hits :one REMOVE gone",
    ExpressionAttributeValues: { ":one": 1 }, ReturnValues: "ALL_NEW",
  }));
  assert.deepEqual(updated.Attributes, { pk: "upd", sk: 1, hits: 1 });
});

test("a failed condition is the SDK's ConditionalCheckFailedException, with the item it saw", async () => {
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: "cond", sk: 1, v: "old" } }));
  await assert.rejects(
    db.send(new PutItemCommand({
      TableName: TABLE, Item: { pk: { S: "cond" }, sk: { N: "1" } }, ConditionExpression: "attribute_not_exists(pk)",
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    })),
    (e) => {
      assert.ok(e instanceof ConditionalCheckFailedException, e.name);
      assert.equal(e.message, "The conditional request failed");
      assert.deepEqual(e.Item, { pk: { S: "cond" }, sk: { N: "1" }, v: { S: "old" } });
      return true;
    });
});

test("a cancelled transaction reports a reason per action and writes nothing", async () => {
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: "tx", sk: 0 } }));
  await assert.rejects(
    db.send(new TransactWriteItemsCommand({ TransactItems: [
      { Put: { TableName: TABLE, Item: { pk: { S: "tx" }, sk: { N: "1" } } } },
      { ConditionCheck: { TableName: TABLE, Key: { pk: { S: "tx" }, sk: { N: "0" } }, ConditionExpression: "attribute_not_exists(pk)" } },
    ] })),
    (e) => {
      assert.ok(e instanceof TransactionCanceledException, e.name);
      assert.deepEqual(e.CancellationReasons.map((r) => r.Code), ["None", "ConditionalCheckFailed"]);
      return true;
    });
  const got = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: "tx", sk: 1 } }));
  assert.equal(got.Item, undefined);
});

test("PartiQL SELECT with parameters", async () => {
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: "sql", sk: 5, name: "five" } }));
  const result = await db.send(new ExecuteStatementCommand({
    Statement: `SELECT name FROM "${TABLE}" WHERE pk = ? AND sk = ?`, Parameters: [{ S: "sql" }, { N: "5" }],
  }));
  assert.deepEqual(result.Items, [{ name: { S: "five" } }]);
});

test("a missing table is ResourceNotFoundException with HTTP 400 and the service's message", async () => {
  await assert.rejects(db.send(new DescribeTableCommand({ TableName: "no_such_table" })), (e) => {
    assert.ok(e instanceof ResourceNotFoundException, e.name);
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.equal(e.message, "Requested resource not found: Table: no_such_table not found");
    return true;
  });
});

test("DynamoDB Streams returns the table's changes with their images", async () => {
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: "stream", sk: 1, v: "a" } }));
  await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: "stream", sk: 1, v: "b" } }));
  const shards = (await db.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription.Shards;
  let iterator = (await db.streams.send(new GetShardIteratorCommand({
    StreamArn: streamArn, ShardId: shards[0].ShardId, ShardIteratorType: "TRIM_HORIZON",
  }))).ShardIterator;
  const records = [];
  while (iterator) { // an open shard always hands out a next iterator: stop at the first empty page
    const page = await db.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    if (page.Records.length === 0) break;
    records.push(...page.Records);
    iterator = page.NextShardIterator;
  }
  const ours = records.filter((r) => r.dynamodb.Keys.pk.S === "stream");
  assert.deepEqual(ours.map((r) => r.eventName), ["INSERT", "MODIFY"]);
  assert.deepEqual(ours[1].dynamodb.OldImage.v, { S: "a" });
  assert.deepEqual(ours[1].dynamodb.NewImage.v, { S: "b" });
});
