package dev.dynamodouble.core.partiql;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.error.ErrorCode;

/** The errors of PartiQL statements, with DynamoDB's types and messages. */
public final class StatementErrors {
  static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
  static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";
  /** An EXISTS that only names a key (ExecuteTransaction reports it with the statement's index). */
  public static final String EXISTS_WITHOUT_CONDITION = "EXISTS() must contain a single item read with additional condition";
  static final String KEY_EQUALITY = "Where clause does not contain a mandatory equality on all key attributes";

  private StatementErrors() {}

  /** A statement that does not parse. */
  static DynamoException syntax(String detail) {
    return DynamoException.validation(NOT_WELL_FORMED + detail);
  }

  /** A statement that parses but is not one DynamoDB runs. */
  static DynamoException unsupported(String detail) {
    return DynamoException.validation(detail);
  }

  /** INSERT of an item whose key is taken. */
  public static DynamoException duplicateItem() {
    return new DynamoException(ErrorCode.DUPLICATE_ITEM, DUPLICATE_ITEM);
  }

  /** EXISTS(...) anywhere but in a write transaction. */
  public static DynamoException existsOutsideTransaction() {
    return DynamoException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
  }

  static DynamoException keyEquality() {
    return DynamoException.validation(KEY_EQUALITY);
  }
}
