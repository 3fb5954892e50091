package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.export.Import;
import dev.dynamodouble.core.export.ImportRequest;
import dev.dynamodouble.core.export.Imports;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.Json;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import java.util.List;
import java.util.Set;

/**
 * ImportTable: creates a new table from TableCreationParameters (CREATING) and imports the S3
 * stand-in's objects under S3KeyPrefix into it (DynamoDB JSON, Amazon Ion or CSV; GZIP or
 * uncompressed), IN_PROGRESS until a task on the engine clock has read them (see package
 * {@code export}). ZSTD is refused: it would need a dependency core does not take. Vector indexes
 * are built as CreateTable builds them (on-demand only, refused with a data directory); an item
 * whose vector does not fit an index counts in ErrorCount, as any item the table would refuse.
 */
public final class ImportTable implements Operation {
  /** TableCreationParameters' members (the API model's). */
  private static final Set<String> TABLE_PARAMETERS = Set.of("TableName", "AttributeDefinitions", "KeySchema",
      "BillingMode", "ProvisionedThroughput", "OnDemandThroughput", "SSESpecification", "GlobalSecondaryIndexes",
      "VectorIndexes");

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    JsonRequest source = request.structure("S3BucketSource");
    String format = request.string("InputFormat");
    String compression = request.string("InputCompressionType");
    String token = request.string("ClientToken");
    JsonRequest parameters = request.structure("TableCreationParameters");
    JsonRequest formatOptions = request.structure("InputFormatOptions");
    JsonRequest csv = formatOptions == null ? null : formatOptions.structure("Csv");
    String bucket = source == null ? null : source.string("S3Bucket");
    String owner = source == null ? null : source.string("S3BucketOwner");
    String prefix = source == null ? null : source.string("S3KeyPrefix");
    String delimiter = csv == null ? null : csv.string("Delimiter");
    List<String> headers = csv == null ? null : csv.strings("HeaderList");
    String tableName = parameters == null ? null : parameters.string("TableName");
    new Constraints().notNull(source, "s3BucketSource").notNull(format, "inputFormat")
        .notNull(parameters, "tableCreationParameters")
        .notNull(source == null ? "" : bucket, "s3BucketSource.s3Bucket")
        .maxLength(bucket, 255, "s3BucketSource.s3Bucket").maxLength(prefix, 1024, "s3BucketSource.s3KeyPrefix")
        .minLength(delimiter, 1, "inputFormatOptions.csv.delimiter").maxLength(delimiter, 1, "inputFormatOptions.csv.delimiter")
        .minSize(headers, 1, "inputFormatOptions.csv.headerList").maxSize(headers, 255, "inputFormatOptions.csv.headerList")
        .notNull(parameters == null ? "" : tableName, "tableCreationParameters.tableName")
        .enums(request, "ImportTable").check();
    TransferRequests.checkBucket(bucket, owner, token);
    if (delimiter != null && ",\t:;| ".indexOf(delimiter.charAt(0)) < 0) {
      throw DynamoException.validation("1 validation error detected: Value '" + delimiter + "' at "
          + "'inputFormatOptions.csv.delimiter' failed to satisfy constraint: Member must satisfy regular expression "
          + "pattern: [,;:|\\t ]");
    }
    if (formatOptions != null && !ImportRequest.CSV.equals(format)) {
      throw DynamoException.validation("InputFormatOptions can only be given with InputFormat CSV");
    }
    if (ImportRequest.ZSTD.equals(compression)) {
      throw DynamoException.validation("InputCompressionType ZSTD is not supported by Dynamo Double: reading "
          + "Zstandard would need a dependency, and its core depends only on Netty, Jackson and SLF4J; "
          + "use GZIP or NONE");
    }
    JsonObject parameterNode = parameters.node();
    for (int i = 0; i < parameterNode.size(); i++) {
      if (parameterNode.value(i) == Json.NULL) {
        continue; // a null member reads as absent
      }
      if (!TABLE_PARAMETERS.contains(parameterNode.name(i))) {
        throw DynamoException.validation("Unknown member " + parameterNode.name(i) + " in TableCreationParameters");
      }
    }
    Imports imports = context.engine().transfers().imports();
    imports.requireS3("ImportTable");
    ImportRequest asked = new ImportRequest(token, bucket, owner, prefix, format,
        compression == null ? ImportRequest.NONE : compression, delimiter == null ? null : delimiter.charAt(0),
        headers == null ? null : List.copyOf(headers), tableName, parameterNode);
    Import started = context.engine().write(() -> {
      Import existing = imports.sameToken(asked);
      if (existing != null) {
        return existing;
      }
      imports.requireRoom(context.region());
      Import[] created = new Import[1];
      CreateTable.create(context, parameters, tableName, "ImportTable's TableCreationParameters.VectorIndexes",
          table -> created[0] = imports.start(table, asked));
      return created[0];
    });
    return TransferDescriptions.importResponse(started);
  }
}
