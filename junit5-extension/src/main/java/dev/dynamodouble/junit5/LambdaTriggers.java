package dev.dynamodouble.junit5;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.dynamodouble.core.trigger.TriggerHandler;
import java.nio.ByteBuffer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a real AWS Lambda handler as a trigger: a team's {@code RequestHandler<DynamodbEvent, ...>}
 * gets the {@link DynamodbEvent} Lambda would give it, and a {@link StreamsEventResponse} it
 * returns reports the batch's item failures. Needs {@code com.amazonaws:aws-lambda-java-events}
 * and {@code aws-lambda-java-core} on the test classpath (optional dependencies of this module).
 *
 * <pre>{@code
 * dynamo.triggers().register("orders", TriggerOptions.defaults(), LambdaTriggers.of(new OrderProjector(client)));
 * }</pre>
 */
public final class LambdaTriggers {
  private static final Logger LOG = LoggerFactory.getLogger(LambdaTriggers.class);

  private LambdaTriggers() {}

  /** A trigger handler that invokes {@code handler} with each batch as a DynamodbEvent. */
  public static TriggerHandler of(RequestHandler<DynamodbEvent, ?> handler) {
    String functionName = handler.getClass().getSimpleName();
    return records -> {
      DynamodbEvent event = new DynamodbEvent();
      List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>(records.size());
      for (dev.dynamodouble.core.stream.StreamRecord record : records) {
        converted.add(convert(record));
      }
      event.setRecords(converted);
      Object response = handler.handleRequest(event, new TestContext(functionName));
      List<String> failures = new ArrayList<>();
      if (response instanceof StreamsEventResponse streamsResponse && streamsResponse.getBatchItemFailures() != null) {
        for (StreamsEventResponse.BatchItemFailure failure : streamsResponse.getBatchItemFailures()) {
          failures.add(failure.getItemIdentifier());
        }
      }
      return failures;
    };
  }

  /** One record as Lambda delivers it. */
  public static DynamodbEvent.DynamodbStreamRecord convert(dev.dynamodouble.core.stream.StreamRecord record) {
    StreamRecord dynamodb = new StreamRecord()
        // Lambda's records carry whole seconds, as the Streams API does.
        .withApproximateCreationDateTime(Date.from(record.approximateCreationDateTime().truncatedTo(ChronoUnit.SECONDS)))
        .withKeys(item(record.keys()))
        .withSequenceNumber(record.sequenceNumber())
        .withSizeBytes(record.sizeBytes())
        .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
            .valueOf(record.viewType().name()));
    if (record.newImage() != null) {
      dynamodb.setNewImage(item(record.newImage()));
    }
    if (record.oldImage() != null) {
      dynamodb.setOldImage(item(record.oldImage()));
    }
    DynamodbEvent.DynamodbStreamRecord converted = new DynamodbEvent.DynamodbStreamRecord();
    converted.setEventSourceARN(record.eventSourceArn());
    converted.withEventID(record.eventId()).withEventName(record.eventName())
        .withEventVersion(dev.dynamodouble.core.stream.StreamRecord.EVENT_VERSION)
        .withEventSource(dev.dynamodouble.core.stream.StreamRecord.EVENT_SOURCE)
        .withAwsRegion(record.awsRegion()).withDynamodb(dynamodb);
    if (record.userIdentity() != null) {
      converted.setUserIdentity(new Identity().withType(record.userIdentity().type())
          .withPrincipalId(record.userIdentity().principalId()));
    }
    return converted;
  }

  private static Map<String, AttributeValue> item(Map<String, dev.dynamodouble.core.value.AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    item.forEach((name, value) -> out.put(name, value(value)));
    return out;
  }

  private static AttributeValue value(dev.dynamodouble.core.value.AttributeValue value) {
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.S s) {
      return new AttributeValue().withS(s.value());
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.N n) {
      return new AttributeValue().withN(n.text());
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.B b) {
      return new AttributeValue().withB(ByteBuffer.wrap(b.bytes()));
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.Bool b) {
      return new AttributeValue().withBOOL(b.value());
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.Null) {
      return new AttributeValue().withNULL(true);
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.M m) {
      return new AttributeValue().withM(item(m.value()));
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.L l) {
      List<AttributeValue> elements = new ArrayList<>();
      l.value().forEach(element -> elements.add(value(element)));
      return new AttributeValue().withL(elements);
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.SS ss) {
      return new AttributeValue().withSS(new ArrayList<>(ss.value()));
    }
    if (value instanceof dev.dynamodouble.core.value.AttributeValue.NS ns) {
      List<String> numbers = new ArrayList<>();
      ns.value().forEach(n -> numbers.add(n.text()));
      return new AttributeValue().withNS(numbers);
    }
    List<ByteBuffer> bytes = new ArrayList<>();
    ((dev.dynamodouble.core.value.AttributeValue.BS) value).value().forEach(b -> bytes.add(ByteBuffer.wrap(b.bytes())));
    return new AttributeValue().withBS(bytes);
  }

  /** The Lambda context a handler sees: a fresh request id per invocation, a logger on SLF4J. */
  private static final class TestContext implements Context, LambdaLogger {
    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();

    TestContext(String functionName) {
      this.functionName = functionName;
    }

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
      return "dynamo-double";
    }

    @Override
    public String getFunctionName() {
      return functionName;
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 900_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 128;
    }

    @Override
    public LambdaLogger getLogger() {
      return this;
    }

    @Override
    public void log(String message) {
      LOG.info("[{}] {}", functionName, message);
    }

    @Override
    public void log(byte[] message) {
      log(new String(message, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
