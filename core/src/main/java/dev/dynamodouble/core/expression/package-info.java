/**
 * DynamoDB's five expression kinds (condition, filter, key condition, projection, update) and the
 * legacy parameters that predate them, with DynamoDB's semantics and error messages.
 *
 * <h2>Three passes</h2>
 *
 * <ol>
 *   <li><b>Parse</b> (cached by text, {@code ParseCache}): lexing, syntax errors
 *       ({@code Syntax error; token: "x", near: "..."}), and what needs no placeholder values:
 *       empty and over-long text, redundant parentheses, unknown or misplaced functions, reserved
 *       words, path depth (32), IN operands (100), operators (300), repeated update clauses.
 *   <li><b>Resolve</b> (per request, {@link ExpressionContext}): substitutes
 *       ExpressionAttributeNames/Values and checks what depends on them: undefined placeholders,
 *       operand counts, repeated operands, operand types, BETWEEN bounds, overlapping and
 *       conflicting paths, key-condition shape; unused placeholders at the end.
 *   <li><b>Evaluate</b>: {@link Condition#test}, {@link Update#apply}, {@link Projection#apply},
 *       {@link KeyCondition.Bound}.
 * </ol>
 *
 * <p>Every error is a {@link dev.dynamodouble.core.error.DynamoException} of type
 * ValidationException carrying DynamoDB's message; a condition that does not hold is just
 * {@code false} (the caller raises ConditionalCheckFailedException).
 *
 * <h2>Wiring an operation</h2>
 *
 * <pre>{@code
 * // UpdateItem (DynamoDB checks UpdateExpression before ConditionExpression)
 * ExpressionParameters.checkNotMixed("UpdateItem", presentParameterNames);
 * ExpressionContext ctx = new ExpressionContext(req.names(), req.values()); // either may be null
 * Update update = ctx.update(req.updateExpression());
 * Condition condition = req.conditionExpression() == null ? null
 *     : ctx.conditionExpression(req.conditionExpression());
 * ctx.checkAllUsed();
 * // ... look up the table ...
 * update.checkKeyAttributes(table.keyAttributeNames());  // before the condition, as DynamoDB
 * // ... read the old item ...
 * Map<String, AttributeValue> before = old != null ? old : key;   // an absent item is its key
 * if (condition != null && !condition.test(old)) throw conditionalCheckFailed();
 * UpdateResult result = update.apply(before, table.keyAttributeNames());
 * Map<String, AttributeValue> after = result.newItem();           // then check the item size
 * // ReturnValues: UPDATED_OLD -> result.updatedOld(), UPDATED_NEW -> result.updatedNew()
 *
 * // PutItem / DeleteItem / TransactWriteItems ConditionCheck
 * Condition c = ctx.conditionExpression(text);           boolean ok = c.test(oldItemOrNull);
 *
 * // Query (DynamoDB's order: KeyConditionExpression, FilterExpression, ProjectionExpression)
 * KeyCondition kc = ctx.keyCondition(req.keyConditionExpression());
 * Condition filter = ctx.filterExpression(req.filterExpression());
 * Projection projection = ctx.projection(req.projectionExpression());
 * ctx.checkAllUsed();
 * // ... after finding the table or index:
 * KeyCondition.Bound key = kc.bind("pk", AttributeType.S, "sk", AttributeType.N); // sk may be null
 * filter.requireNoKeyAttributes(Set.of("pk", "sk"));
 * // read partition key.partitionValue(), keep sort keys where key.matchesSortKey(sk),
 * // then filter.test(item), then projection.apply(item)
 *
 * // Scan: ctx.filterExpression(...), ctx.projection(...), ctx.checkAllUsed()
 * // GetItem / BatchGetItem: ctx.projection(...), ctx.checkAllUsed()
 * }</pre>
 *
 * <h2>Legacy parameters</h2>
 *
 * <p>{@link Legacy} translates Expected, AttributeUpdates, AttributesToGet, KeyConditions,
 * QueryFilter and ScanFilter (decoded into {@link ExpectedAttributeValue},
 * {@link AttributeValueUpdate} and {@link LegacyCondition}) into the same {@link Condition},
 * {@link Update}, {@link Projection} and {@link KeyCondition}. {@link ExpressionParameters} has
 * DynamoDB's checks for mixing the two styles.
 */
package dev.dynamodouble.core.expression;
