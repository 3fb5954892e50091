package dev.dynamodouble.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault rules from scenario files (YAML or JSON, see {@code dev.dynamodouble.core.fault.ScenarioFile}),
 * for the tests of a class or for one test, with the same life cycle and strictness as
 * {@link InjectFault}. Classpath resources beside the declaring class unless they start with {@code /}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(FaultScenario.List.class)
@ExtendWith(DynamoDoubleExtension.class)
public @interface FaultScenario {
  String[] value();

  /** Holds repeated {@link FaultScenario} annotations. */
  @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @ExtendWith(DynamoDoubleExtension.class)
  @interface List {
    FaultScenario[] value();
  }
}
