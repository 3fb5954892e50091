package dev.dynamodouble.benchmarks.sut;

import java.util.Optional;

/**
 * DynamoDB Local, the system Dynamo Double is compared with, is not open source: its licence is
 * the vendor's own. So the default build neither fetches nor runs it; its adapters, its
 * per-test-class probe and the differential tests that use it as an oracle are compiled only with
 * {@code -Pdynamodb-local} (source root {@code src/dynamodb-local}), by someone who has read and
 * accepted its terms. The harness finds them here by name, and treats them as absent otherwise.
 */
public final class DynamoDbLocalOptIn {
  public static final String SERVER = "dynamodb-local";
  public static final String EMBEDDED = "dynamodb-local-embedded";
  public static final String ABSENT = "DynamoDB Local is not in this build: it is not open source, so the "
      + "benchmarks have it only when built with -Pdynamodb-local (read its licence first)";

  private static final String PACKAGE = "dev.dynamodouble.benchmarks.";

  private DynamoDbLocalOptIn() {}

  /** DynamoDB Local's server in this JVM on 127.0.0.1, if this build has it. */
  static Optional<SystemUnderTest> server() {
    return instance(PACKAGE + "sut.DynamoDbLocal").map(SystemUnderTest.class::cast);
  }

  /** DynamoDB Local's embedded client, if this build has it. */
  static Optional<SystemUnderTest> embedded() {
    return instance(PACKAGE + "sut.DynamoDbLocalEmbedded").map(SystemUnderTest.class::cast);
  }

  /** The JUnit class that starts DynamoDB Local by hand, for the per-test-class probe. */
  public static Class<?> testClass() throws SystemUnavailableException {
    try {
      return Class.forName(PACKAGE + "overhead.DynamoDbLocalClass");
    } catch (ClassNotFoundException e) {
      throw new SystemUnavailableException(ABSENT, e);
    }
  }

  static boolean names(String id) {
    return id.equals(SERVER) || id.equals(EMBEDDED);
  }

  private static Optional<Object> instance(String className) {
    try {
      return Optional.of(Class.forName(className).getConstructor().newInstance());
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + className, e);
    }
  }
}
