package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.core.time.DynamoClock;
import dev.dynamodouble.core.time.ManualClock;
import dev.dynamodouble.core.trigger.Triggers;
import dev.dynamodouble.junit5.DynamoInject;
import dev.dynamodouble.junit5.DynamoTables;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Supplies what tests ask for, from the scope of their class. */
public final class Injector {
  private static final Set<Class<?>> TYPES = Set.of(DynamoDbClient.class, DynamoDbAsyncClient.class,
      DynamoDbEnhancedClient.class, DynamoDbEnhancedAsyncClient.class, DynamoDbTable.class, DynamoDbAsyncTable.class,
      URI.class, DynamoDouble.class, DynamoClock.class, ManualClock.class, java.time.Clock.class, DynamoTables.class,
      DynamoDbStreamsClient.class, Triggers.class,
      dev.dynamodouble.core.fault.Faults.class,
      dev.dynamodouble.core.capacity.CapacityEnforcement.class);
  private static final String SUPPORTED = "DynamoDbClient, DynamoDbAsyncClient, DynamoDbStreamsClient, Triggers, "
      + "DynamoDbEnhancedClient, "
      + "DynamoDbEnhancedAsyncClient, DynamoDbTable<T>, DynamoDbAsyncTable<T>, URI, DynamoDouble, DynamoClock, "
      + "ManualClock, java.time.Clock, DynamoTables, Faults, CapacityEnforcement";

  private Injector() {}

  /** Whether the extension takes care of a parameter or field of this type (annotated ones always). */
  public static boolean handles(Class<?> type, boolean annotated) {
    return annotated || TYPES.contains(type);
  }

  /** The client of another region for a parameter or field annotated {@code @InRegion}. */
  public static Object resolveInRegion(ClassScope scope, Class<?> type, String region, String what) {
    Clients clients = scope.clients().in(region);
    if (type == DynamoDbClient.class) {
      return clients.sync();
    }
    if (type == DynamoDbAsyncClient.class) {
      return clients.async();
    }
    if (type == DynamoDbStreamsClient.class) {
      return clients.streams();
    }
    if (type == DynamoDbEnhancedClient.class) {
      return clients.enhanced();
    }
    throw new ParameterResolutionException("Cannot supply " + what + ": @InRegion works for DynamoDbClient, "
        + "DynamoDbAsyncClient, DynamoDbStreamsClient and DynamoDbEnhancedClient");
  }

  /** What a {@code @Dax} parameter or field gets: the DAX client of the class's cluster, or its URL. */
  public static Object resolveDax(ClassScope scope, Class<?> type, String what) {
    Clients clients = scope.clients();
    if (!clients.hasDax()) {
      throw new ParameterResolutionException("Cannot supply " + what + ": " + scope.testClass().getSimpleName()
          + " runs no DAX cluster; annotate the class with @Dax");
    }
    if (type == DynamoDbClient.class) {
      return clients.dax(what);
    }
    if (type == DynamoDbEnhancedClient.class) {
      return DynamoDbEnhancedClient.builder().dynamoDbClient(clients.dax(what)).build();
    }
    if (type == URI.class) {
      return clients.daxEndpoint();
    }
    throw new ParameterResolutionException("Cannot supply " + what + ": @Dax works for DynamoDbClient, "
        + "DynamoDbEnhancedClient and URI (the cluster's dax:// URL)");
  }

  /**
   * The value for a parameter or field.
   *
   * @param what "parameter orders of OrderTest.places(...)", for messages
   */
  public static Object resolve(ClassScope scope, Class<?> type, Type genericType, DynamoInject annotation,
      String what) {
    if (annotation != null && !annotation.identity().isEmpty()) {
      if (type != DynamoDbClient.class) {
        throw new ParameterResolutionException("Cannot supply " + what + ": @DynamoInject(identity = ...) signs a "
            + "DynamoDbClient, not a " + type.getSimpleName());
      }
      dev.dynamodouble.core.auth.Identity identity = scope.clients().identity(annotation.identity());
      if (identity == null) {
        throw new ParameterResolutionException("Cannot supply " + what + ": no @DynamoIdentity(accessKeyId = \""
            + annotation.identity() + "\") is declared for " + scope.testClass().getSimpleName());
      }
      return scope.clients().signedAs(identity);
    }
    if (type == DynamoDbClient.class) {
      return scope.clients().sync();
    }
    if (type == DynamoDbAsyncClient.class) {
      return scope.clients().async();
    }
    if (type == DynamoDbStreamsClient.class) {
      return scope.clients().streams();
    }
    if (type == Triggers.class) {
      return scope.dynamo().triggers();
    }
    if (type == DynamoDbEnhancedClient.class) {
      return scope.clients().enhanced();
    }
    if (type == DynamoDbEnhancedAsyncClient.class) {
      return scope.clients().enhancedAsync();
    }
    if (type == URI.class) {
      return scope.dynamo().endpoint();
    }
    if (type == DynamoDouble.class) {
      return scope.dynamo();
    }
    if (type == DynamoClock.class) {
      return scope.dynamo().clock();
    }
    if (type == dev.dynamodouble.core.capacity.CapacityEnforcement.class) {
      return scope.dynamo().capacity();
    }
    if (type == ManualClock.class) {
      DynamoClock clock = scope.dynamo().clock();
      if (!(clock instanceof ManualClock)) {
        throw new ParameterResolutionException("Cannot supply " + what + ": the endpoint runs on the system clock. "
            + "Ask for a manual one with @DynamoDoubleTest(clock = \"manual\") or clock = \"2024-01-01T00:00:00Z\"");
      }
      return clock;
    }
    if (type == java.time.Clock.class) {
      return EngineJavaClock.of(scope.dynamo().clock());
    }
    if (type == dev.dynamodouble.core.fault.Faults.class) {
      return scope.dynamo().faults();
    }
    if (type == DynamoTables.class) {
      return DynamoTables.of(scope.dynamo(), scope.settings().region());
    }
    if (type == DynamoDbTable.class || type == DynamoDbAsyncTable.class) {
      String table = tableName(scope, annotation, beanClass(genericType), what);
      Class<?> bean = beanClass(genericType);
      if (bean == null) {
        TableDeclaration declaration = scope.tables().get(table);
        bean = declaration == null ? null : declaration.bean();
      }
      if (bean == null) {
        throw new ParameterResolutionException("Cannot supply " + what + ": give its item type, as in "
            + type.getSimpleName() + "<Order>, or declare the table with @DynamoTable(bean = Order.class)");
      }
      TableSchema<?> schema;
      try {
        schema = TableSchema.fromClass(bean);
      } catch (RuntimeException e) {
        throw new ParameterResolutionException("Cannot supply " + what + ": " + bean.getName()
            + " is not an enhanced-client bean (@DynamoDbBean or @DynamoDbImmutable): " + e.getMessage(), e);
      }
      return type == DynamoDbTable.class ? scope.clients().enhanced().table(table, schema)
          : scope.clients().enhancedAsync().table(table, schema);
    }
    throw new ParameterResolutionException("Cannot supply " + what + ": Dynamo Double injects " + SUPPORTED
        + ", not " + type.getName());
  }

  private static String tableName(ClassScope scope, DynamoInject annotation, Class<?> bean, String what) {
    if (annotation != null && !annotation.table().isEmpty()) {
      return annotation.table();
    }
    List<String> withBean = new ArrayList<>();
    scope.tables().forEach((name, table) -> {
      if (bean != null && bean.equals(table.bean())) {
        withBean.add(name);
      }
    });
    if (withBean.size() == 1) {
      return withBean.get(0);
    }
    if (withBean.isEmpty() && scope.tables().size() == 1) {
      return scope.tables().keySet().iterator().next();
    }
    throw new ParameterResolutionException("Cannot supply " + what + ": which table? Name it with "
        + "@DynamoInject(table = \"...\"); the tables of " + scope.testClass().getSimpleName() + " are "
        + (scope.tables().isEmpty() ? "none" : String.join(", ", scope.tables().keySet())));
  }

  private static Class<?> beanClass(Type genericType) {
    if (genericType instanceof ParameterizedType parameterized) {
      Type argument = parameterized.getActualTypeArguments()[0];
      if (argument instanceof Class<?> c) {
        return c;
      }
      if (argument instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
        return raw;
      }
    }
    return null;
  }
}
