package dev.dynamodouble.core.pipeline;

import dev.dynamodouble.core.engine.Catalog;
import dev.dynamodouble.core.partiql.KeySchemas;
import dev.dynamodouble.core.partiql.StatementMemo;
import dev.dynamodouble.core.protocol.JsonRequest;
import dev.dynamodouble.core.table.ItemKey;
import dev.dynamodouble.core.table.StoredItem;
import dev.dynamodouble.core.table.Table;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request on its way to its operation: what the stages before the operation see (the API, the
 * operation's name, the region, the parsed body) and the notes they leave for the operation and
 * the transport (a stale-read lag, keys to leave unprocessed, a delay for the response ...).
 *
 * <p>A call belongs to one request on one thread; it is not shared.
 */
public final class Call {
  /** The API of a call: the X-Amz-Target prefix it came with. */
  public enum Api { DYNAMODB, STREAMS }

  private final Api api;
  private final String operation;
  private final Catalog catalog;
  private final String requestId;
  private final JsonRequest request;
  private RequestHead head;
  private java.nio.ByteBuffer payload;
  // Most calls carry at most one note (capacity's charge): it is kept in two fields, and a map is
  // made only for a second kind, so the common request allocates no map.
  private Class<?> firstNoteType;
  private Object firstNote;
  private Map<Class<?>, Object> notes;
  private List<ItemAdmission> admissions;
  private StatementMemo statements;

  public Call(Api api, String operation, Catalog catalog, String requestId, JsonRequest request) {
    this.api = api;
    this.operation = operation;
    this.catalog = catalog;
    this.requestId = requestId;
    this.request = request;
  }

  public Api api() {
    return api;
  }

  /** The operation's name, e.g. {@code PutItem}. */
  public String operation() {
    return operation;
  }

  /** The caller's region. */
  public Catalog catalog() {
    return catalog;
  }

  public String region() {
    return catalog.region();
  }

  public String requestId() {
    return requestId;
  }

  /** The parsed request body. */
  public JsonRequest request() {
    return request;
  }

  /**
   * The call's PartiQL statements, parsed and planned once for every stage that reads them and for
   * the operation (made on first use: other calls never make one).
   */
  public StatementMemo statements() {
    if (statements == null) {
      statements = new StatementMemo(KeySchemas.of(catalog));
    }
    return statements;
  }

  /** The transport's view of the request (method, path, headers), or null when it has none. */
  public RequestHead head() {
    return head;
  }

  /** The raw request body, read-only (what a SigV4 signature covers), or null with no head. */
  public java.nio.ByteBuffer payload() {
    return payload == null ? null : payload.duplicate();
  }

  /** Attaches what the transport saw of the request. */
  public Call withHead(RequestHead head, byte[] body, int offset, int length) {
    this.head = head;
    this.payload = head == null ? null : java.nio.ByteBuffer.wrap(body, offset, length).asReadOnlyBuffer();
    return this;
  }

  /** The note of that type a stage left, or null. */
  public <T> T note(Class<T> type) {
    if (type == firstNoteType) {
      return type.cast(firstNote);
    }
    return notes == null ? null : type.cast(notes.get(type));
  }

  /** Leaves a note for the stages after this one, the operation and the transport. */
  public <T> void note(Class<T> type, T value) {
    if (firstNoteType == null || firstNoteType == type) {
      firstNoteType = type;
      firstNote = value;
      return;
    }
    if (notes == null) {
      notes = new IdentityHashMap<>(4);
    }
    notes.put(type, value);
  }

  /** Adds a per-item admission for the batch operations (see {@link ItemAdmission}). */
  public void addAdmission(ItemAdmission admission) {
    if (admissions == null) {
      admissions = new ArrayList<>(2);
    }
    admissions.add(admission);
  }

  /** Whether every admission lets this item write of a batch or transaction be served now (see {@link ItemAdmission#admitWrite}). */
  public boolean admitsWrite(Table table, ItemKey key, StoredItem put) {
    if (admissions != null) {
      for (ItemAdmission admission : admissions) {
        if (!admission.admitWrite(table, key, put)) {
          refused(table, key, admission);
          return false;
        }
      }
    }
    return true;
  }

  /** Whether every admission lets this item of a batch be served now. */
  public boolean admits(Table table, ItemKey key, boolean write) {
    if (admissions != null) {
      for (ItemAdmission admission : admissions) {
        if (!admission.admit(table, key, write)) {
          refused(table, key, admission);
          return false;
        }
      }
    }
    return true;
  }

  /** Tells the call's {@link ItemRefusals}, if a stage left one, of an item {@code by} refused. */
  private void refused(Table table, ItemKey key, ItemAdmission by) {
    ItemRefusals refusals = note(ItemRefusals.class);
    if (refusals != null) {
      refusals.refused(table, key, by.refusedForIndexWrites());
    }
  }
}
