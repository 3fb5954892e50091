package dev.dynamodouble.core.table;

import java.util.List;
import java.util.Map;

/** What a CreateTable (or a restore) asks for: everything a new table is made from. */
public record TableSpec(String name, KeySchema keySchema, List<KeyAttribute> attributeDefinitions,
                        BillingMode billingMode, Throughput throughput, List<IndexDefinition> localIndexes,
                        List<IndexDefinition> globalIndexes, Map<String, String> tags,
                        boolean deletionProtection, String tableClass) {}
