package dev.dynamodouble.core.table;

import dev.dynamodouble.core.value.AttributeType;

/** A key attribute of a table or index: its name and its scalar type (S, N or B). */
public record KeyAttribute(String name, AttributeType type) {}
