/**
 * PartiQL for DynamoDB: one lexer and parser ({@link dev.dynamodouble.core.partiql.StatementParser})
 * turns a statement into a small AST ({@link dev.dynamodouble.core.partiql.Statement}); the
 * {@link dev.dynamodouble.core.partiql.Planner} compiles it into the request of an existing engine
 * operation (GetItem, Query, Scan, PutItem, UpdateItem, DeleteItem, or an action of
 * TransactWriteItems / TransactGetItems) whose expressions name every attribute and value through
 * placeholders. The engine's own expression parser, evaluator, validation and capacity accounting
 * then do the work, so there is one evaluator and one transaction machinery. A request's statements
 * are parsed and planned once ({@link dev.dynamodouble.core.partiql.StatementMemo}, kept on its
 * call) for auth, the fault rules and the operation alike.
 */
package dev.dynamodouble.core.partiql;
