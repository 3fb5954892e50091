package dev.dynamodouble.core.dax;

/**
 * The methods of DAX's service 1, by the number the client sends, with the number of CBOR items
 * that follow the method number (DAX frames nothing: a request ends where its last item ends).
 */
enum DaxMethod {
  AUTHORIZE_CONNECTION(1489122155, 5, null),
  ENDPOINTS(455855874, 0, null),
  DEFINE_ATTRIBUTE_LIST(670678385, 1, null),
  DEFINE_ATTRIBUTE_LIST_ID(-1230579644, 1, null),
  DEFINE_KEY_SCHEMA(-742646399, 1, null),
  GET_ITEM(263244906, 3, "dax:GetItem"),
  PUT_ITEM(-2106490455, 4, "dax:PutItem"),
  DELETE_ITEM(1013539361, 3, "dax:DeleteItem"),
  UPDATE_ITEM(1425579023, 3, "dax:UpdateItem"),
  QUERY(-931250863, 3, "dax:Query"),
  SCAN(-1875390620, 2, "dax:Scan"),
  BATCH_GET_ITEM(-697851100, 2, "dax:BatchGetItem"),
  BATCH_WRITE_ITEM(116217951, 2, "dax:BatchWriteItem"),
  // DAX has no transaction actions: a transaction needs the action of each of its items.
  TRANSACT_GET_ITEMS(1866287579, 4, "dax:GetItem"),
  TRANSACT_WRITE_ITEMS(-1160037738, 9, null);

  /** The service number every DAX request starts with. */
  static final int SERVICE = 1;

  final int id;
  final int arguments;
  /** The IAM action it needs on the cluster, or null (control methods; TransactWriteItems checks per item). */
  final String action;

  DaxMethod(int id, int arguments, String action) {
    this.id = id;
    this.arguments = arguments;
    this.action = action;
  }

  /** The method of a number, or null for one this endpoint does not know. */
  static DaxMethod of(long id) {
    for (DaxMethod method : values()) {
      if (method.id == id) {
        return method;
      }
    }
    return null;
  }
}
