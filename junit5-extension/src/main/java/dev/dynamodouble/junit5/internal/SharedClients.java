package dev.dynamodouble.junit5.internal;

import dev.dynamodouble.core.DynamoDouble;
import dev.dynamodouble.sdk.InProcess;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The injected synchronous clients of in-process endpoints without auth, shared by the test classes
 * of a JVM: building an SDK client (its configuration, the interceptors it looks up on the class
 * path) costs more than the rest of a class's set-up. A class leases one per region for its own
 * time: the client's in-process HTTP client is pointed at the class's engine, and the class is given
 * a view of it. As the class's own client did, the view keeps working if a test closes it (the SDK
 * client of an open engine does), and refuses every call once the class has ended (its engine
 * closed), when the client goes back for the next class. Classes running in parallel lease
 * different clients. The first class of a JVM builds its own (sharing pays off from the second).
 *
 * <p>An SDK client keeps retry state of its own (the retry token bucket, the adaptive mode's rate
 * limiter, a learned clock skew), which a class's faults change: a client that has retried, been
 * throttled or failed outside the service is closed when its class ends, never shared again, so one
 * class's faults never change how the next class's client retries.
 */
final class SharedClients {
  private static final Map<Region, Deque<Pooled>> IDLE = new HashMap<>();
  private static boolean firstBuilt;

  /** A pooled client and the HTTP client it reaches its engine through. */
  private record Pooled(Region region, DynamoDbClient client, Redirect http, RetryWatch watch) {}

  private SharedClients() {}

  /**
   * A client of {@code dynamo} in {@code region}, configured by {@code build} (given the HTTP client
   * and an interceptor to use): a view of a shared one, or for the first class of the JVM null
   * (build your own).
   */
  static Lease lease(DynamoDouble dynamo, Region region,
                     BiFunction<SdkHttpClient, ExecutionInterceptor, DynamoDbClient> build) {
    Pooled pooled;
    synchronized (SharedClients.class) {
      if (!firstBuilt) {
        firstBuilt = true;
        return null;
      }
      Deque<Pooled> idle = IDLE.get(region);
      pooled = idle == null ? null : idle.poll();
    }
    SdkHttpClient target = InProcess.httpClient(dynamo);
    if (pooled == null) {
      Redirect http = new Redirect(target);
      RetryWatch watch = new RetryWatch();
      pooled = new Pooled(region, build.apply(http, watch), http, watch);
    } else {
      pooled.http().target = target;
    }
    return new Lease(pooled);
  }

  private static synchronized void release(Pooled pooled) {
    IDLE.computeIfAbsent(pooled.region(), r -> new ArrayDeque<>()).push(pooled);
  }

  /** A leased client: the view the class is given, until {@link #end()}. */
  static final class Lease {
    private final Pooled pooled;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final DynamoDbClient view;

    private Lease(Pooled pooled) {
      this.pooled = pooled;
      this.view = view(pooled, ended);
    }

    DynamoDbClient client() {
      return view;
    }

    /** The class has ended: its view refuses calls from now on, and the client serves the next class. */
    void end() {
      if (ended.compareAndSet(false, true)) {
        if (pooled.watch().spent) {
          pooled.client().close();
        } else {
          release(pooled);
        }
      }
    }
  }

  /** The leased client as the class sees it: every call goes to the shared one until the lease ends. */
  private static DynamoDbClient view(Pooled pooled, AtomicBoolean ended) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return object(proxy, method, args, pooled);
          }
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null; // the lease ends with the class, whoever closes the client before
          }
          // serviceName() and serviceClientConfiguration() still answer, as a closed client's do
          if (ended.get() && !method.getName().startsWith("service")) {
            throw SdkClientException.create("Unable to execute HTTP request: " + CLOSED,
                new ConnectException(CLOSED));
          }
          try {
            return method.invoke(pooled.client(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** What a call on a closed client meets: its engine has closed. */
  private static final String CLOSED = "Dynamo Double is closed: nothing serves in-process requests any more";

  private static Object object(Object proxy, Method method, Object[] args, Pooled pooled) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return "DynamoDbClient (in process, " + pooled.region() + ")";
    }
  }

  /** The in-process HTTP client of the engine the client is leased to now. */
  private static final class Redirect implements SdkHttpClient {
    private volatile SdkHttpClient target;

    Redirect(SdkHttpClient target) {
      this.target = target;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return target.prepareRequest(request);
    }

    @Override
    public String clientName() {
      return target.clientName();
    }

    @Override
    public void close() {
      // nothing held: each target belongs to its engine
    }
  }

  /** Notes whether its client's retry state may have moved: a retry, a throttle, a transport failure. */
  static final class RetryWatch implements ExecutionInterceptor {
    private static final ExecutionAttribute<int[]> ATTEMPTS = new ExecutionAttribute<>("DynamoDoubleSharedAttempts");
    volatile boolean spent;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      attributes.putAttribute(ATTEMPTS, new int[1]);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      int[] attempts = attributes.getAttribute(ATTEMPTS);
      if (attempts == null || ++attempts[0] > 1) {
        spent = true;
      }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
      if (!(context.exception() instanceof SdkServiceException service) || service.isThrottlingException()
          || service.isClockSkewException() || service.statusCode() >= 500) {
        spent = true;
      }
    }
  }
}
