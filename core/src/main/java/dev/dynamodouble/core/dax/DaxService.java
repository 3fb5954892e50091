package dev.dynamodouble.core.dax;

import dev.dynamodouble.core.auth.DaxAccessControl;
import dev.dynamodouble.core.auth.Identity;
import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.protocol.JsonObject;
import dev.dynamodouble.core.table.KeyAttribute;
import dev.dynamodouble.core.table.KeySchema;
import dev.dynamodouble.core.table.Table;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DAX node: answers the control methods (endpoints, key schemas, attribute lists) itself and
 * serves the data methods from its caches or the engine behind it. Every answer starts with the
 * error part, an empty array when the request succeeded.
 */
final class DaxService {
  private static final Logger LOG = LoggerFactory.getLogger(DaxService.class);

  final DynamoBackend backend;
  final DaxCache cache;
  final DaxItems items;
  final WrittenItems written;
  private final AttributeLists lists;
  private final java.util.function.Supplier<InetSocketAddress> self;
  private final AtomicLong requests = new AtomicLong();
  private final ItemOperations itemOperations;
  private final ScanOperations scanOperations;
  private final BatchOperations batchOperations;
  private final TransactOperations transactOperations;
  /** Authentication and IAM for the cluster's clients, or null when auth is off. */
  private final DaxAccessControl access;
  private final String clusterArn;

  DaxService(DynamoBackend backend, DaxCache cache, WrittenItems written, DaxAccessControl access,
             java.util.function.Supplier<InetSocketAddress> self) {
    this.backend = backend;
    this.access = access;
    this.clusterArn = DaxAccessControl.clusterArn(backend.engine().options().defaultRegion(),
        backend.engine().options().accountId(), cache.settings().clusterName());
    this.cache = cache;
    this.written = written;
    this.lists = new AttributeLists();
    this.items = new DaxItems(lists);
    this.self = self;
    this.itemOperations = new ItemOperations(this);
    this.scanOperations = new ScanOperations(this);
    this.batchOperations = new BatchOperations(this);
    this.transactOperations = new TransactOperations(this);
  }

  /** The answer to one request, or null for a request DAX does not answer (connection authorization). */
  byte[] handle(DaxMethod method, byte[] arguments, DaxConnection connection) {
    String requestId = "dax-" + requests.incrementAndGet();
    CborWriter out = new CborWriter();
    try {
      CborReader in = new CborReader(arguments);
      if (method == DaxMethod.AUTHORIZE_CONNECTION) {
        if (access != null) {
          authorizeConnection(in, connection);
        }
        return null; // DAX never answers it; a refusal answers the connection's next request
      }
      java.util.function.Consumer<String> authorize = action -> { };
      if (access != null) {
        Identity identity = connection.identity();
        authorize = action -> authorize(identity, action, connection.sourceIp());
        if (method.action != null) {
          authorize.accept(method.action);
        }
      }
      CborWriter result = new CborWriter();
      switch (method) {
        case ENDPOINTS -> endpoints(result);
        case DEFINE_KEY_SCHEMA -> keySchema(in.readTextOrBytes(), result);
        case DEFINE_ATTRIBUTE_LIST_ID -> attributeListId(in, result);
        case DEFINE_ATTRIBUTE_LIST -> attributeList(in.readLong(), result);
        case GET_ITEM -> itemOperations.get(in, result, requestId);
        case PUT_ITEM -> itemOperations.put(in, result, requestId);
        case DELETE_ITEM -> itemOperations.delete(in, result, requestId);
        case UPDATE_ITEM -> itemOperations.update(in, result, requestId);
        case QUERY -> scanOperations.query(in, arguments, result, requestId);
        case SCAN -> scanOperations.scan(in, arguments, result, requestId);
        case BATCH_GET_ITEM -> batchOperations.get(in, result, requestId);
        case BATCH_WRITE_ITEM -> batchOperations.write(in, result, requestId);
        case TRANSACT_GET_ITEMS -> transactOperations.get(in, result, requestId);
        case TRANSACT_WRITE_ITEMS -> transactOperations.write(in, result, requestId, authorize);
        default -> throw DaxError.notImplemented(method.name());
      }
      out.array(0).raw(result.toByteArray());
      if (LOG.isTraceEnabled()) {
        LOG.trace("DAX {} {} -> {}", method, java.util.HexFormat.of().formatHex(arguments),
            java.util.HexFormat.of().formatHex(result.toByteArray()));
      }
    } catch (DaxError e) {
      e.write(out = new CborWriter(), requestId);
    } catch (CborReader.Malformed | CborReader.Incomplete | ClassCastException | IllegalArgumentException e) {
      LOG.debug("Malformed DAX {} request {}", method, java.util.HexFormat.of().formatHex(arguments), e);
      DaxError.validation("Malformed DAX request: " + e.getMessage()).write(out = new CborWriter(), requestId);
    } catch (RuntimeException e) {
      LOG.error("Internal error serving DAX {}", method, e);
      DaxError.fromDynamo("InternalServerError", 500, "Internal server error", List.of())
          .write(out = new CborWriter(), requestId);
    }
    return out.toByteArray();
  }

  /** Verifies a connection's SigV4 authorization: access key, signature, string to sign, session token, user agent. */
  private void authorizeConnection(CborReader in, DaxConnection connection) {
    String accessKeyId = in.tryNull() ? null : in.readTextOrBytes();
    String signature = in.tryNull() ? null : in.readTextOrBytes();
    String stringToSign = in.tryNull() ? null : in.readTextOrBytes();
    String sessionToken = in.tryNull() ? null : in.readTextOrBytes();
    try {
      connection.authenticated(access.authenticate(accessKeyId, signature, stringToSign, sessionToken));
    } catch (DynamoException e) {
      connection.refused(DaxError.authentication(e.code().shortName(), e.getMessage()));
    }
  }

  /** DynamoDB's AccessDeniedException, as DAX relays errors, unless the identity may do {@code action} here. */
  private void authorize(Identity identity, String action, String sourceIp) {
    try {
      access.authorize(identity, action, clusterArn, region(), backend.engine().clock().now(), sourceIp);
    } catch (DynamoException e) {
      throw DaxError.fromDynamo(e.code().shortName(), e.code().status(), e.getMessage(), List.of());
    }
  }

  /** An error answer for a request that could not even be framed. */
  static byte[] error(DaxError error) {
    CborWriter out = new CborWriter();
    error.write(out, "dax-0");
    return out.toByteArray();
  }

  /** This node is the whole cluster: one leader, here. */
  private void endpoints(CborWriter out) {
    out.array(1).map(7);
    out.integer(0).integer(1); // node id
    InetSocketAddress address = self.get();
    out.integer(1).text(address.getHostString());
    out.integer(2).bytes(address.getAddress().getAddress());
    out.integer(3).integer(address.getPort());
    out.integer(4).integer(1); // role: leader
    out.integer(5).text(backend.engine().options().defaultRegion() + "a");
    out.integer(6).integer(0); // leader session id
  }

  private void keySchema(String table, CborWriter out) {
    KeySchema schema = keySchema(table);
    out.map(schema.hasSort() ? 2 : 1);
    for (KeyAttribute attribute : schema.attributes()) {
      out.text(attribute.name()).text(attribute.type().name());
    }
  }

  /** The region of the tables behind the cluster: the engine's default one. */
  String region() {
    return backend.engine().options().defaultRegion();
  }

  /** The key schema of a table of the default region; a table DAX cannot find is an error. */
  KeySchema keySchema(String table) {
    Table found = backend.engine().region(region()).find(table);
    if (found == null) {
      throw DaxError.tableNotFound("Requested resource not found: Table: " + table + " not found");
    }
    return found.keySchema();
  }

  private void attributeListId(CborReader in, CborWriter out) {
    if (in.peekMajor() == CborReader.TAG) {
      in.readTag(); // the Java client tags the names as a string set
    }
    int size = in.readArrayHeader();
    List<String> names = new ArrayList<>();
    for (int i = 0; size < 0 ? !in.peekBreak() : i < size; i++) {
      names.add(in.readText());
    }
    out.integer(lists.idOf(names));
  }

  private void attributeList(long id, CborWriter out) {
    List<String> names = lists.names(id);
    out.array(names.size());
    for (String name : names) {
      out.text(name);
    }
  }

  /** Calls the engine, expressions and all. */
  JsonObject call(String operation, String requestId, DynamoBackend.Body body) {
    return backend.call(operation, requestId, body);
  }
}
