package dev.dynamodouble.junit5.design;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs the DESIGN.md example only from {@link DesignExampleTest}, which gives it a manual clock. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(DesignExampleOnly.Condition.class)
@interface DesignExampleOnly {
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter("dynamodouble.clock").isPresent()
          ? ConditionEvaluationResult.enabled("run with a manual clock")
          : ConditionEvaluationResult.disabled("runs from DesignExampleTest");
    }
  }
}
