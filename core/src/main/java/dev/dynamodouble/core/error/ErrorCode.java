package dev.dynamodouble.core.error;

/**
 * Every error type the engine returns, with the {@code __type} namespace and HTTP status that
 * DynamoDB uses for it. The SDKs read the part after '#' as the error code.
 */
public enum ErrorCode {
  VALIDATION("com.amazon.coral.validate#ValidationException"),
  SERIALIZATION("com.amazon.coral.service#SerializationException"),
  UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException"),
  MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#MissingAuthenticationTokenException"),
  INCOMPLETE_SIGNATURE("com.amazon.coral.service#IncompleteSignatureException"),
  INVALID_SIGNATURE("com.amazon.coral.service#InvalidSignatureException"),
  UNRECOGNIZED_CLIENT("com.amazon.coral.service#UnrecognizedClientException"),
  ACCESS_DENIED("com.amazon.coral.service#AccessDeniedException"),
  THROTTLING("com.amazon.coral.availability#ThrottlingException"),
  REQUEST_ENTITY_TOO_LARGE("com.amazon.coral.service#RequestEntityTooLargeException", 413),
  RESOURCE_NOT_FOUND(Names.DDB + "ResourceNotFoundException"),
  RESOURCE_IN_USE(Names.DDB + "ResourceInUseException"),
  CONDITIONAL_CHECK_FAILED(Names.DDB + "ConditionalCheckFailedException"),
  PROVISIONED_THROUGHPUT_EXCEEDED(Names.DDB + "ProvisionedThroughputExceededException"),
  REQUEST_LIMIT_EXCEEDED(Names.DDB + "RequestLimitExceeded"),
  LIMIT_EXCEEDED(Names.DDB + "LimitExceededException"),
  ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED(Names.DDB + "ItemCollectionSizeLimitExceededException"),
  TRANSACTION_CANCELED(Names.DDB + "TransactionCanceledException"),
  DUPLICATE_ITEM(Names.DDB + "DuplicateItemException"),
  TRANSACTION_CONFLICT(Names.DDB + "TransactionConflictException"),
  TRANSACTION_IN_PROGRESS(Names.DDB + "TransactionInProgressException"),
  REPLICATED_WRITE_CONFLICT(Names.DDB + "ReplicatedWriteConflictException"),
  IDEMPOTENT_PARAMETER_MISMATCH(Names.DDB + "IdempotentParameterMismatchException"),
  BACKUP_NOT_FOUND(Names.DDB + "BackupNotFoundException"),
  BACKUP_IN_USE(Names.DDB + "BackupInUseException"),
  TABLE_ALREADY_EXISTS(Names.DDB + "TableAlreadyExistsException"),
  TABLE_IN_USE(Names.DDB + "TableInUseException"),
  TABLE_NOT_FOUND(Names.DDB + "TableNotFoundException"),
  CONTINUOUS_BACKUPS_UNAVAILABLE(Names.DDB + "ContinuousBackupsUnavailableException"),
  POINT_IN_TIME_RECOVERY_UNAVAILABLE(Names.DDB + "PointInTimeRecoveryUnavailableException"),
  INVALID_RESTORE_TIME(Names.DDB + "InvalidRestoreTimeException"),
  INVALID_EXPORT_TIME(Names.DDB + "InvalidExportTimeException"),
  EXPORT_NOT_FOUND(Names.DDB + "ExportNotFoundException"),
  EXPORT_CONFLICT(Names.DDB + "ExportConflictException"),
  IMPORT_NOT_FOUND(Names.DDB + "ImportNotFoundException"),
  IMPORT_CONFLICT(Names.DDB + "ImportConflictException"),
  GLOBAL_TABLE_NOT_FOUND(Names.DDB + "GlobalTableNotFoundException"),
  GLOBAL_TABLE_ALREADY_EXISTS(Names.DDB + "GlobalTableAlreadyExistsException"),
  REPLICA_NOT_FOUND(Names.DDB + "ReplicaNotFoundException"),
  REPLICA_ALREADY_EXISTS(Names.DDB + "ReplicaAlreadyExistsException"),
  INDEX_NOT_FOUND(Names.DDB + "IndexNotFoundException"),
  POLICY_NOT_FOUND(Names.DDB + "PolicyNotFoundException"),
  EXPIRED_ITERATOR(Names.DDB + "ExpiredIteratorException"),
  TRIMMED_DATA_ACCESS(Names.DDB + "TrimmedDataAccessException"),
  INTERNAL_SERVER_ERROR(Names.DDB + "InternalServerError", 500),
  SERVICE_UNAVAILABLE("com.amazon.coral.availability#ServiceUnavailableException", 503);

  private final String type;
  private final int status;

  ErrorCode(String type) {
    this(type, 400);
  }

  ErrorCode(String type, int status) {
    this.type = type;
    this.status = status;
  }

  /** The full {@code __type}, namespace included. */
  public String type() {
    return type;
  }

  /** The short name the SDKs expose as the error code. */
  public String shortName() {
    return type.substring(type.indexOf('#') + 1);
  }

  public int status() {
    return status;
  }

  private static final class Names {
    static final String DDB = "com.amazonaws.dynamodb.v20120810#";
  }
}
