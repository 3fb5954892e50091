package dev.dynamodouble.core.operation;

import dev.dynamodouble.core.backup.PointInTimeRecovery;
import dev.dynamodouble.core.protocol.Constraints;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.protocol.JsonWritable;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.table.Table;

/**
 * UpdateContinuousBackups: enables point-in-time recovery with a recovery period of 1 to 35 days
 * (35 by default), changes the period of an enabled table, or disables it (which forgets the
 * history and the period). Synchronous and idempotent, as in DynamoDB.
 */
public final class UpdateContinuousBackups implements Operation {

  @Override
  public JsonWritable execute(RequestContext context, JsonRequest request) {
    String name = request.string("TableName");
    JsonRequest specification = request.structure("PointInTimeRecoverySpecification");
    Boolean enabled = specification == null ? null : specification.bool("PointInTimeRecoveryEnabled");
    Integer period = specification == null ? null : specification.intValue("RecoveryPeriodInDays");
    Constraints constraints = new Constraints().notNull(name, "tableName")
        .tableNameOrArn(name, "tableName", context.region())
        .notNull(specification, "pointInTimeRecoverySpecification");
    if (specification != null) {
      constraints.notNull(enabled, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled")
          .min(period, 1, "pointInTimeRecoverySpecification.recoveryPeriodInDays")
          .max(period, PointInTimeRecovery.MAX_RECOVERY_PERIOD_DAYS, "pointInTimeRecoverySpecification.recoveryPeriodInDays");
    }
    constraints.check();
    if (!enabled && period != null) {
      throw DynamoException.validation(
          "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
    }
    PointInTimeRecovery.Description description = context.engine().write(() -> {
      Table table = DescribeContinuousBackups.table(context, name, false);
      return context.engine().pointInTimeRecovery().update(table, enabled, period);
    });
    return out -> {
      out.writeStartObject();
      BackupDescriptions.writeContinuousBackups(out, description);
      out.writeEndObject();
    };
  }
}
