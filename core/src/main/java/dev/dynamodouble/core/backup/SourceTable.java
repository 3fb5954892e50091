package dev.dynamodouble.core.backup;

import dev.dynamodouble.core.table.BillingMode;
import dev.dynamodouble.core.table.IndexDefinition;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.Throughput;
import dev.dynamodouble.core.table.VectorIndexDefinition;
import dev.dynamodouble.core.ttl.TtlDescription;
import java.time.Instant;
import java.util.List;

/**
 * What a backup records of its table (DescribeBackup's SourceTableDetails and
 * SourceTableFeatureDetails), and what a restore rebuilds a table from: the key schema, billing
 * and throughput, the secondary indexes (name, keys, projection, GSI throughput), the vector
 * indexes (with the definitions of their search schema attributes), and the TTL and encryption
 * settings of the moment. Tags, PITR, table class and deletion protection are not
 * recorded, as in DynamoDB.
 *
 * @param timeToLive the TTL setting when it was active, else null
 * @param encryption the table's non-default encryption, else null
 * @param features whether SourceTableFeatureDetails is filled in (a SYSTEM backup's is empty)
 * @param vectorIndexes the vector indexes, ACTIVE (none DELETING)
 * @param vectorDefinitions the attribute definitions of their search schemas
 */
public record SourceTable(String name, String id, String arn, String region, Instant created, KeySchema keySchema,
                          BillingMode billingMode, Throughput throughput, List<IndexDefinition> localIndexes,
                          List<IndexDefinition> globalIndexes, long itemCount, long sizeBytes,
                          TtlDescription timeToLive, Encryption encryption, boolean features,
                          List<VectorIndexDefinition> vectorIndexes, List<KeyAttribute> vectorDefinitions) {}
