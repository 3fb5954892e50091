package dev.dynamodouble.core.transaction;

import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.Table;

/**
 * One item of one table, as transactions lock it. Tables compare by identity: a table deleted and
 * created again under the same name is another table, and its items are other items.
 */
public record ItemRef(Table table, ItemKey key) {}
