package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.engine.Engine;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.OnDemandThroughput;
import dev.dynamodouble.core.table.Table;
import dev.dynamodouble.core.table.TableSpec;
import dev.dynamodouble.core.table.TableStatus;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** CreateTable: validates the definition, adds the table as CREATING, and makes it ACTIVE through the clock. */
public final class CreateTable implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    if (name == null) {
      throw DynamoException.validation("The parameter 'TableName' is required but was not present in the request");
    }
    Engine engine = context.engine();
    Table table = create(context, request, name, "CreateTable's VectorIndexes",
        created -> TableLifecycle.scheduleActive(engine, created));
    return out -> {
      out.writeStartObject();
      TableDescriptions.write(out, "TableDescription", table, true);
      out.writeEndObject();
    };
  }

  /**
   * Validates a table definition (a CreateTable request, or ImportTable's TableCreationParameters)
   * and adds the table CREATING; {@code created} runs under the write lock with the new table (what
   * makes it ACTIVE). {@code vectorMember} names the request's VectorIndexes in a refusal.
   */
  static Table create(RequestContext context, JsonRequest request, String name, String vectorMember,
                      Consumer<Table> created) {
    Engine engine = context.engine();
    TableSpec spec = TableSpecReader.read(request, name, engine.options().quotas());
    if (request.has("VectorIndexes")) {
      VectorIndexRequests.refuseDurable(engine, vectorMember);
    }
    List<VectorIndexDefinition> vectorIndexes = vectorIndexes(request, spec);
    OnDemandThroughput onDemand = ThroughputSettings.onDemand(request, spec.billingMode(), OnDemandThroughput.NONE, true,
        context);
    long[] warm = ThroughputSettings.warm(request, true);
    if (warm != null) {
      ThroughputSettings.checkWarm(warm, spec.billingMode(), spec.throughput(), null, context);
    }
    List<Throughput> indexThroughputs = ThroughputLimits.requirePerTable(spec, context);
    ThroughputSettings.refuseIndexSettings(request.structures("GlobalSecondaryIndexes"));
    String policyJson = request.string("ResourcePolicy");
    dev.dynamodouble.core.auth.Policy policy = policyJson == null ? null : ResourcePolicyRequests.parse(policyJson);
    JsonRequest sse = request.structure("SSESpecification");
    dev.dynamodouble.core.backup.Encryption encryption = sse == null ? null : SseSpecifications.encryption(context, sse);
    Constraints streamShape = new Constraints();
    StreamSpecifications.checkShape(streamShape, request);
    streamShape.check();
    StreamSpecifications.Spec stream = StreamSpecifications.read(request);
    Catalog catalog = context.catalog();
    return engine.write(() -> {
      Table existing = catalog.find(name);
      if (existing != null && existing.status() == TableStatus.CREATING) {
        TableChanges.requireStable(existing); // "Attempt to change a resource which is still in use: ..."
      }
      if (existing != null) {
        throw DynamoException.resourceInUse("Table already exists: " + name);
      }
      TableChanges.requireRoomForTable(catalog, engine.options().quotas());
      if (spec.billingMode() == dev.dynamodouble.core.table.BillingMode.PROVISIONED) {
        ThroughputLimits.requireAccountRoom(catalog, null, spec.throughput(), indexThroughputs,
            engine.options().quotas());
      }
      Instant now = context.now();
      Table table = new Table(spec, catalog.region(), arn(context, name), tableId(catalog.region(), name, now), now);
      if (onDemand != null) {
        table.onDemandThroughput(onDemand);
      }
      if (warm != null) {
        table.raiseWarmThroughput(Math.max(0, warm[0]), Math.max(0, warm[1]));
      }
      table.vectorIndexes(vectorIndexes);
      table.replaceAttachment(dev.dynamodouble.core.backup.Encryption.class, encryption);
      catalog.add(table);
      if (policy != null) {
        engine.resourcePolicies().put(table.arn(), policy, now.toEpochMilli());
      }
      StreamSpecifications.create(engine.streams(), table, stream);
      created.accept(table);
      return table;
    });
  }

  /** The request's VectorIndexes, CREATING until the table is ACTIVE (none when absent). */
  private static List<VectorIndexDefinition> vectorIndexes(JsonRequest request, TableSpec spec) {
    List<JsonRequest> requested = request.structures("VectorIndexes");
    if (requested == null) {
      return List.of();
    }
    if (requested.isEmpty()) {
      throw DynamoException.invalidParameter("List of VectorIndexes is empty");
    }
    VectorIndexRequests.requireOnDemand(spec.billingMode());
    Set<String> defined = new HashSet<>();
    spec.attributeDefinitions().forEach(a -> defined.add(a.name()));
    Set<String> names = new HashSet<>();
    spec.localIndexes().forEach(i -> names.add(i.name()));
    spec.globalIndexes().forEach(i -> names.add(i.name()));
    List<VectorIndexDefinition> indexes = new ArrayList<>();
    for (JsonRequest index : requested) {
      VectorIndexDefinition definition = VectorIndexRequests.read(index, defined, names, indexes,
          IndexDefinition.IndexStatus.CREATING);
      names.add(definition.name());
      indexes.add(definition);
    }
    return indexes;
  }

  static String arn(RequestContext context, String name) {
    return "arn:aws:dynamodb:" + context.region() + ":" + context.engine().options().accountId() + ":table/" + name;
  }

  /** A stable id: the same table created at the same clock time gets the same id in every run. */
  static String tableId(String region, String name, Instant created) {
    return UUID.nameUUIDFromBytes((region + "/" + name + "/" + created).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
