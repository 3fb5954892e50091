package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.trigger.TriggerHandler;
import dev.dynamodouble.core.trigger.TriggerOptions;
import dev.dynamodouble.core.trigger.Triggers;
import dev.dynamodouble.junit5.DynamoTrigger;
import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Registers the {@link DynamoTrigger} fields of a test instance. */
public final class TriggerFields {
  private static final String LAMBDA_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";

  private TriggerFields() {}

  public static void register(Triggers triggers, Object instance) throws IllegalAccessException {
    for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        DynamoTrigger annotation = field.getAnnotation(DynamoTrigger.class);
        if (annotation == null) {
          continue;
        }
        String what = "@DynamoTrigger field " + c.getSimpleName() + "." + field.getName();
        field.setAccessible(true);
        Object value = field.get(instance);
        try {
          triggers.register(annotation.table(), options(annotation), handler(value, what));
        } catch (IllegalArgumentException e) {
          throw new ExtensionConfigurationException(what + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static TriggerHandler handler(Object value, String what) {
    if (value instanceof TriggerHandler handler) {
      return handler;
    }
    if (value != null && isLambdaHandler(value.getClass())) {
      return LambdaHandlers.adapt(value);
    }
    throw new ExtensionConfigurationException(what + " must hold a TriggerHandler or a Lambda "
        + "RequestHandler<DynamodbEvent, ...>, not " + (value == null ? "null" : value.getClass().getName()));
  }

  private static boolean isLambdaHandler(Class<?> type) {
    try {
      return Class.forName(LAMBDA_HANDLER, false, type.getClassLoader()).isAssignableFrom(type);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static TriggerOptions options(DynamoTrigger a) {
    return TriggerOptions.defaults().batchSize(a.batchSize())
        .maximumBatchingWindowInSeconds(a.maximumBatchingWindowInSeconds())
        .startingPosition(a.startingPosition()).filterCriteria(a.filterCriteria())
        .maximumRetryAttempts(a.maximumRetryAttempts()).bisectBatchOnFunctionError(a.bisectBatchOnFunctionError())
        .maximumRecordAgeInSeconds(a.maximumRecordAgeInSeconds()).reportBatchItemFailures(a.reportBatchItemFailures())
        .parallelizationFactor(a.parallelizationFactor());
  }

  /** Loaded only when a Lambda handler is present, so the Lambda libraries stay optional. */
  private static final class LambdaHandlers {
    @SuppressWarnings("unchecked")
    static TriggerHandler adapt(Object handler) {
      return dev.dynamodouble.junit5.LambdaTriggers.of(
          (com.amazonaws.services.lambda.runtime.RequestHandler<
              com.amazonaws.services.lambda.runtime.events.DynamodbEvent, ?>) handler);
    }
  }
}
