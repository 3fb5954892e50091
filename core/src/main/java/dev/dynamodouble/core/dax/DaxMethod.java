package dev.dynamodouble.core.dax;

/**
 * The methods of DAX's service 1, by the number the client sends, with the number of CBOR items
 * that follow the method number (DAX frames nothing: a request ends where its last item ends).
 */
enum DaxMethod {
  AUTHORIZE_CONNECTION(1489122155, 5),
  ENDPOINTS(455855874, 0),
  DEFINE_ATTRIBUTE_LIST(670678385, 1),
  DEFINE_ATTRIBUTE_LIST_ID(-1230579644, 1),
  DEFINE_KEY_SCHEMA(-742646399, 1),
  GET_ITEM(263244906, 3),
  PUT_ITEM(-2106490455, 4),
  DELETE_ITEM(1013539361, 3),
  UPDATE_ITEM(1425579023, 3),
  QUERY(-931250863, 3),
  SCAN(-1875390620, 2),
  BATCH_GET_ITEM(-697851100, 2),
  BATCH_WRITE_ITEM(116217951, 2),
  TRANSACT_GET_ITEMS(1866287579, 4),
  TRANSACT_WRITE_ITEMS(-1160037738, 9);

  /** The service number every DAX request starts with. */
  static final int SERVICE = 1;

  final int id;
  final int arguments;

  DaxMethod(int id, int arguments) {
    this.id = id;
    this.arguments = arguments;
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
