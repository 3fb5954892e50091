package dev.dynamodouble.benchmarks.differential;

import java.util.List;
import java.util.function.Predicate;

/**
 * The allow-list: every difference between Dynamo Double and DynamoDB Local that is known, with
 * the verdict the AWS documentation gives (who is right) and the reference. A difference that
 * matches no entry fails {@link ExpressionDifferentialTest}.
 */
final class KnownDifferences {

  enum Verdict {
    /** DynamoDB Local deviates from DynamoDB as documented; Dynamo Double is right. */
    LOCAL_DEVIATES("DynamoDB Local deviates from DynamoDB; Dynamo Double is right"),
    /** Dynamo Double deviates from DynamoDB as documented: core must change, then the entry goes. */
    DYNAMO_DOUBLE_BUG("Dynamo Double bug, to fix"),
    /** The documentation does not decide; both answers are defensible. */
    UNDECIDED("the documentation does not decide");

    final String text;

    Verdict(String text) {
      this.text = text;
    }
  }

  /** One allow-list entry. */
  static final class Known {
    final String id;
    final Difference.Kind kind;
    final Verdict verdict;
    final String explanation;
    final String reference;
    final Predicate<Difference> matches;

    Known(String id, Difference.Kind kind, Verdict verdict, String explanation, String reference,
        Predicate<Difference> matches) {
      this.id = id;
      this.kind = kind;
      this.verdict = verdict;
      this.explanation = explanation;
      this.reference = reference;
      this.matches = matches;
    }

    boolean covers(Difference difference) {
      return difference.kind == kind && matches.test(difference);
    }
  }

  private static final String API = "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/";
  private static final String GUIDE = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/";

  private static final java.util.Set<String> RUNTIME_UPDATE_ERRORS = java.util.Set.of(
      "The provided expression refers to an attribute that does not exist in the item",
      "An operand in the update expression has an incorrect data type",
      "The document path provided in the update expression is invalid for update");

  private static final java.util.regex.Pattern OVERLAP = java.util.regex.Pattern.compile(
      "Invalid (ProjectionExpression|UpdateExpression): Two document paths overlap");

  static final List<Known> ALL = List.of(
      // ------------------------------------------------------------ semantic
      new Known("number-spelling", Difference.Kind.SEMANTIC, Verdict.LOCAL_DEVIATES,
          "DynamoDB Local returns numbers spelt as they were sent (1.50, 0100, 1E+2, -1E-130);"
              + " DynamoDB returns them normalised: leading and trailing zeroes trimmed, exponent"
              + " expanded (1.5, 100, 100, -0.000...1), as Dynamo Double does",
          GUIDE + "HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number (\"Leading and"
              + " trailing zeroes are trimmed\"); service answers in boto/boto3#4636 and #2500 (1E+50,"
              + " 1e100 come back as plain digits) and ExtendDB/extenddb#7 (00042→42, -0→0, 1.5E2→150,"
              + " 1.0→1, verified against DynamoDB)",
          KnownDifferences::isNormalisedSpelling),
      new Known("updated-values-nested", Difference.Kind.SEMANTIC, Verdict.LOCAL_DEVIATES,
          "UpdateItem with ReturnValues UPDATED_NEW / UPDATED_OLD and a nested target (a.b, l[2]):"
              + " DynamoDB returns only the updated parts inside their top-level attribute"
              + " ({a:{b:v}}, {l:[v]}), as Dynamo Double does; DynamoDB Local returns the whole"
              + " top-level attribute",
          API + "API_UpdateItem.html#DDB-UpdateItem-request-ReturnValues (\"UPDATED_NEW - Returns only"
              + " the updated attributes\"); scylladb/scylladb test/alternator/test_returnvalues.py"
              + " test_update_item_returnvalues_nested (checked against DynamoDB)",
          KnownDifferences::isNestedProjectionOfLocal),
      new Known("limit-page-last-evaluated-key", Difference.Kind.SEMANTIC, Verdict.UNDECIDED,
          "a Query page that stops at Limit on the last matching item: Dynamo Double returns a"
              + " LastEvaluatedKey (and then an empty page), DynamoDB Local (here, on a descending"
              + " query) returns none. The API allows both; DynamoDB itself returns the key whenever"
              + " Limit stopped the page, as Dynamo Double does",
          API + "API_Query.html#DDB-Query-response-LastEvaluatedKey (\"If LastEvaluatedKey is not"
              + " empty, it does not necessarily mean that there is more data in the result set\")",
          KnownDifferences::isExtraLastPage),
      new Known("names-without-expression", Difference.Kind.SEMANTIC, Verdict.LOCAL_DEVIATES,
          "UpdateItem with ExpressionAttributeNames {} and no expression at all: DynamoDB rejects"
              + " it (\"ExpressionAttributeNames can only be specified when using expressions\"), as"
              + " Dynamo Double does; DynamoDB Local ignores the empty map and applies the update",
          "not in the guide; architect/dynalite validations/index.js validateExpressionParams"
              + " (ExpressionAttributeNames != null without an expression is rejected)",
          d -> d.dynamoDouble.failed() && !d.local.failed()
              && "ExpressionAttributeNames can only be specified when using expressions".equals(d.dynamoDouble.message)
              && d.testCase.expressions.isEmpty()),
      new Known("remove-only-update-on-missing-item", Difference.Kind.SEMANTIC, Verdict.LOCAL_DEVIATES,
          "UpdateItem on a missing key whose update only takes away (REMOVE, DELETE): DynamoDB"
              + " creates no item, and a REMOVE of a nested path there is a no-op, as Dynamo Double"
              + " does; DynamoDB Local creates the key-only item, or refuses the nested path",
          "not in the guide; recorded DynamoDB behaviour (issue 16: \"DynamoDB creates nothing and"
              + " returns no Attributes\", \"REMOVE a.b on a missing item is accepted by DynamoDB as a no-op\")",
          KnownDifferences::isRemoveOnlyOnMissingItem),
      new Known("remove-keyword-as-name", Difference.Kind.SEMANTIC, Verdict.UNDECIDED,
          "REMOVE used as an attribute name in a projection or condition: DynamoDB Local's grammar"
              + " treats it as the update keyword (syntax error); Dynamo Double accepts it as a name."
              + " REMOVE is not on the reserved-word list, so by the guide Dynamo Double may be right",
          GUIDE + "ReservedWords.html (REMOVE is not listed)",
          d -> d.local.failed() && d.local.message != null
              && d.local.message.matches("(?s).*Syntax error; token: \"(?i:remove)\".*")
              && !d.dynamoDouble.message().contains("Syntax error")),
      new Known("list-index-leading-zero", Difference.Kind.SEMANTIC, Verdict.UNDECIDED,
          "a list index written with a leading zero (t[00]): DynamoDB Local rejects it as a syntax"
              + " error, Dynamo Double reads it as [0] (as dynalite's grammar, [0-9]+, does)",
          "not in the guide; architect/dynalite db/conditionParser.pegjs",
          d -> d.local.failed() && d.local.message != null && d.local.message.contains("Syntax error; token: \"0\"")
              && java.util.regex.Pattern.compile("\\[\\s*0\\d").matcher(d.expressions()).find()),
      new Known("key-update-before-condition", Difference.Kind.SEMANTIC, Verdict.UNDECIDED,
          "an update expression that writes a key attribute, with a condition that is false:"
              + " Dynamo Double rejects the key update (ValidationException) before it reads the"
              + " item, DynamoDB Local evaluates the condition first (ConditionalCheckFailed). The"
              + " guide does not say which comes first; dynalite, whose tests ran against DynamoDB,"
              + " checks the key update first like Dynamo Double",
          API + "API_UpdateItem.html (silent on precedence); architect/dynalite actions/updateItem.js"
              + " (validateUpdates before checkConditional)",
          d -> d.dynamoDouble.failed() && String.valueOf(d.dynamoDouble.message).contains("This attribute is part of the key")
              && "ConditionalCheckFailedException".equals(d.local.errorCode)),

      // ------------------------------------------------------------ messages
      new Known("key-attribute-nested-path-message", Difference.Kind.MESSAGE, Verdict.DYNAMO_DOUBLE_BUG,
          "same as key-attribute-nested-path, where the request also has another mistake that"
              + " Dynamo Double reports instead",
          "see key-attribute-nested-path",
          d -> localSaysKeyScalars(d)),
      new Known("add-delete-typeset", Difference.Kind.MESSAGE, Verdict.DYNAMO_DOUBLE_BUG,
          "ADD/DELETE with an operand of a type they do not take: DynamoDB's message ends with"
              + " \", typeSet: ALLOWED_FOR_ADD_OPERAND\" / \", typeSet: ALLOWED_FOR_DELETE_OPERAND\";"
              + " Dynamo Double's lacks it (when several actions are wrong, the two may also name"
              + " different ones)",
          "not in the guide; the service's message as reported by its users, e.g. Dynamoid's"
              + " spec (Aws::DynamoDB::Errors::ValidationException ... typeSet: ALLOWED_FOR_ADD_OPERAND)",
          d -> d.local.message.startsWith("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ")
              && d.local.message.contains(", typeSet: ALLOWED_FOR_")
              && d.dynamoDouble.message.startsWith("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ")
              && !d.dynamoDouble.message.contains("typeSet")),
      new Known("key-count-message", Difference.Kind.MESSAGE, Verdict.DYNAMO_DOUBLE_BUG,
          "a Key with more (or fewer) attributes than the key schema: DynamoDB says \"The number"
              + " of conditions on the keys is invalid\"; Dynamo Double says \"The provided key element"
              + " does not match the schema\" (right only for a wrong name or type)",
          API + "API_GetItem.html (silent on the message); the message of AWS's own DAX client"
              + " (\"The number of conditions on the keys is invalid (got n, expected m)\") and user"
              + " reports against the service",
          d -> "The number of conditions on the keys is invalid".equals(d.local.message)
              && "The provided key element does not match the schema".equals(d.dynamoDouble.message)),
      new Known("key-type-message", Difference.Kind.MESSAGE, Verdict.LOCAL_DEVIATES,
          "a Key attribute of the wrong type: DynamoDB says \"The provided key element does not match"
              + " the schema\" (as Dynamo Double does); DynamoDB Local says \"One or more parameter"
              + " values were invalid: Type mismatch for key\"",
          "architect/dynalite db/index.js validateKey (default message); service answers quoted"
              + " in hack-le.com/dynamodb-boto3-errors (2022)",
          d -> d.local.message.startsWith("One or more parameter values were invalid: Type mismatch for key")
              && "The provided key element does not match the schema".equals(d.dynamoDouble.message)),
      new Known("return-values-put-delete", Difference.Kind.MESSAGE, Verdict.LOCAL_DEVIATES,
          "PutItem/DeleteItem with ReturnValues other than NONE/ALL_OLD: DynamoDB says"
              + " \"ReturnValues can only be ALL_OLD or NONE\" (as Dynamo Double does), DynamoDB Local"
              + " \"Return values set to invalid value\"",
          API + "API_PutItem.html#DDB-PutItem-request-ReturnValues; ExtendDB/extenddb"
              + " tests/validation parity (verified against us-east-1); boto/boto3#4499 (Local's message)",
          d -> "Return values set to invalid value".equals(d.local.message)
              && "ReturnValues can only be ALL_OLD or NONE".equals(d.dynamoDouble.message)),
      new Known("return-values-enum", Difference.Kind.MESSAGE, Verdict.LOCAL_DEVIATES,
          "ReturnValues that is no member of the enum (ALL, NEW, updated_new): DynamoDB answers"
              + " the generic constraint error \"1 validation error detected: Value 'X' at"
              + " 'returnValues' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [...]\" (as Dynamo Double does); DynamoDB Local \"Return values set to invalid value\"",
          "ExtendDB/extenddb tests (\"a non-enum value ... → the generic constraint error listing"
              + " the full enum set\", verified against us-east-1)",
          d -> "Return values set to invalid value".equals(d.local.message)
              && d.dynamoDouble.message.startsWith("1 validation error detected: Value '")
              && d.dynamoDouble.message.contains("at 'returnValues' failed to satisfy constraint")),
      new Known("index-key-type-message", Difference.Kind.MESSAGE, Verdict.LOCAL_DEVIATES,
          "a GSI key attribute of the wrong type: DynamoDB's message goes on \" gpk Expected: S"
              + " Actual: N IndexName: byG\" (as Dynamo Double's does); DynamoDB Local stops after"
              + " \"Type mismatch for Index Key\"",
          "architect/dynalite db/index.js validateItem (service message)",
          d -> "One or more parameter values were invalid: Type mismatch for Index Key".equals(d.local.message)
              && d.dynamoDouble.message.startsWith(d.local.message + " ")),
      new Known("number-parse-message", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "a number that does not parse: Dynamo Double says \"The parameter cannot be converted to"
              + " a numeric value: abc\" (dynalite's, from the service at the time), DynamoDB Local"
              + " \"A value provided cannot be converted into a number\"",
          "not in the guide; architect/dynalite test/putItem.js vs DynamoDB Local 3.3.1",
          d -> "A value provided cannot be converted into a number".equals(d.local.message)
              && d.dynamoDouble.message.startsWith("The parameter cannot be converted to a numeric value")),
      new Known("update-runtime-error-precedence", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "an update expression with several runtime errors: Dynamo Double evaluates every SET"
              + " operand before it applies any path (as dynalite does), so it reports a missing"
              + " operand or a wrong operand type; DynamoDB Local checks the target paths first and"
              + " reports \"The document path provided in the update expression is invalid for"
              + " update\" (or names another action)",
          "not in the guide; architect/dynalite actions/updateItem.js (resolveValue loop before paths)",
          d -> RUNTIME_UPDATE_ERRORS.contains(d.local.message)
              && RUNTIME_UPDATE_ERRORS.contains(d.dynamoDouble.message)),
      new Known("overlap-pair", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "overlapping paths in a projection or update expression: both reject, but name different"
              + " pairs; DynamoDB Local's second path is the last path of the expression even when"
              + " it overlaps nothing, Dynamo Double names the two paths that overlap",
          "not in the guide",
          d -> OVERLAP.matcher(d.local.message).lookingAt() && OVERLAP.matcher(d.dynamoDouble.message).lookingAt()),
      new Known("precision-38-message", Difference.Kind.MESSAGE, Verdict.DYNAMO_DOUBLE_BUG,
          "an update whose arithmetic needs more than 38 significant digits (:v + n with :v ="
              + " 1E-130): DynamoDB says \"DynamoDB only supports precision up to 38 digits\", Dynamo"
              + " Double \"Attempting to store more than 38 significant digits in a Number\" (where another"
              + " action is also wrong, DynamoDB Local reports that one instead; for a value in"
              + " ExpressionAttributeValues DynamoDB wraps it: \"ExpressionAttributeValues contains"
              + " invalid value: DynamoDB only supports precision up to 38 digits for key :v4\")",
          "not in the guide; the service's message as reported by its users (a TransactWriteItems"
              + " ADD needing more than 38 digits: \"ValidationException: DynamoDB only supports"
              + " precision up to 38 digits\"; Dynamoid's spec)",
          d -> "Attempting to store more than 38 significant digits in a Number".equals(d.dynamoDouble.message)
              && (d.local.message.contains("DynamoDB only supports precision up to 38 digits")
                  || RUNTIME_UPDATE_ERRORS.contains(d.local.message))),
      new Known("remove-keyword-as-name-message", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "as remove-keyword-as-name, where both reject the request: DynamoDB Local reports the"
              + " syntax error at REMOVE, Dynamo Double (which reads REMOVE as a name) another mistake",
          "see remove-keyword-as-name",
          d -> d.local.message.matches("(?s).*Syntax error; token: \"(?i:remove)\".*")
              && !d.dynamoDouble.message.contains("Syntax error")),
      new Known("missed-key-element-name", Difference.Kind.MESSAGE, Verdict.LOCAL_DEVIATES,
          "a key condition without the partition (or with a misnamed) key: DynamoDB says \"Query"
              + " condition missed key schema element: <name>\" (as Dynamo Double does); DynamoDB Local"
              + " leaves the name out",
          "not in the guide; the service's message as quoted in user reports (AWS CLI and Lambda"
              + " logs: \"Query condition missed key schema element: incidentId\")",
          d -> "Query condition missed key schema element".equals(d.local.message)
              && d.dynamoDouble.message.startsWith("Query condition missed key schema element: ")),
      new Known("attribute-type-list-order", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "attribute_type with an unknown type name: same message, but the list of valid types in"
              + " another order ({B,NULL,SS,BOOL,L,BS,N,NS,S,M} in Dynamo Double and dynalite,"
              + " {N,BS,L,B,NULL,M,S,SS,NS,BOOL} in DynamoDB Local)",
          "not in the guide; architect/dynalite db/conditionParser.pegjs",
          d -> d.local.message.contains("Invalid attribute type name found; type: ")
              && d.dynamoDouble.message.replaceAll("valid types: \\{.*\\}", "")
                  .equals(d.local.message.replaceAll("valid types: \\{.*\\}", ""))),
      new Known("between-bounds-number-spelling", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "BETWEEN with bounds in the wrong order: the message quotes the bounds; Dynamo Double"
              + " quotes the normalised number ({N:0}), DynamoDB Local the number as sent ({N:0.0})",
          "not in the guide",
          d -> d.local.message.contains("The BETWEEN operator requires upper bound to be greater than or equal to lower bound")
              && d.dynamoDouble.message.contains("The BETWEEN operator requires upper bound to be greater than or equal to lower bound")),
      new Known("filter-key-attribute-named", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "a FilterExpression on several key attributes: both reject; Dynamo Double names the first"
              + " one in the expression, DynamoDB Local the partition key",
          "not in the guide",
          d -> d.local.message.startsWith("Filter Expression can only contain non-primary key attributes: Primary key attribute: ")
              && d.dynamoDouble.message.startsWith("Filter Expression can only contain non-primary key attributes: Primary key attribute: ")),
      new Known("item-before-condition", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "a PutItem whose item has a GSI key of the wrong type and whose ConditionExpression is"
              + " also invalid: Dynamo Double reports the expression (as dynalite does), DynamoDB"
              + " Local the item",
          "not in the guide; architect/dynalite (expressions are validated before the item)",
          d -> (d.local.message.startsWith("One or more parameter values were invalid: Type mismatch for Index Key")
                  || d.local.message.startsWith("One or more parameter values are not valid. A value specified for a secondary index key is not supported"))
              && d.dynamoDouble.message.startsWith("Invalid ConditionExpression:")),
      new Known("unused-keys-order", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "several unused placeholders: the same keys, listed in request order by Dynamo Double"
              + " (and dynalite), in hash order by DynamoDB Local",
          "not in the guide",
          d -> d.local.message.startsWith("Value provided in ExpressionAttribute")
              && sameKeySet(d.dynamoDouble.message, d.local.message)),
      new Known("syntax-error-token", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "both report a syntax error but quote another token (\"[0size\": Dynamo Double's lexer"
              + " reads one token 0size, DynamoDB Local's reads 0 then size)",
          "not in the guide",
          d -> d.local.message.contains("Syntax error; token: ")
              && d.dynamoDouble.message.contains("Syntax error; token: ")),
      new Known("empty-filter-with-values", Difference.Kind.MESSAGE, Verdict.UNDECIDED,
          "FilterExpression \"\" with ExpressionAttributeValues: Dynamo Double says the expression"
              + " can not be empty (as dynalite does); DynamoDB Local treats \"\" as absent and says the"
              + " values can only be specified when using expressions",
          "not in the guide; architect/dynalite validations/index.js (validateExpressionParams"
              + " tests == null)",
          d -> d.dynamoDouble.message.endsWith("The expression can not be empty;")
              && d.local.message.startsWith("ExpressionAttribute")
              && d.local.message.contains("can only be specified when using expressions")));


  /** Two "unused in expressions: keys: {...}" messages naming the same keys in any order. */
  private static boolean sameKeySet(String mine, String theirs) {
    int a = mine.indexOf("keys: {");
    int b = theirs.indexOf("keys: {");
    if (a < 0 || b < 0 || !mine.substring(0, a).equals(theirs.substring(0, b))) {
      return false;
    }
    java.util.Set<String> x = new java.util.TreeSet<>(List.of(mine.substring(a + 7, mine.length() - 1).split(", ")));
    java.util.Set<String> y = new java.util.TreeSet<>(List.of(theirs.substring(b + 7, theirs.length() - 1).split(", ")));
    return x.equals(y);
  }

  private static boolean localSaysKeyScalars(Difference d) {
    return d.local.failed() && d.local.message != null && d.local.message.startsWith(
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ")
        && !(d.dynamoDouble.failed() && d.dynamoDouble.message.startsWith("Key attributes must be scalars"));
  }

  /** Every number Dynamo Double spelt differently is DynamoDB's normal form of DynamoDB Local's spelling. */
  private static boolean isNormalisedSpelling(Difference d) {
    if (!d.aspect.startsWith("number spelling") || d.numberPairs.isEmpty()) {
      return false;
    }
    for (String[] pair : d.numberPairs) {
      java.math.BigDecimal value = new java.math.BigDecimal(pair[1]);
      String normal = value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
      if (!pair[0].equals(normal)) {
        return false;
      }
    }
    return true;
  }

  /** Dynamo Double's UPDATED_* attributes are DynamoDB Local's with only the updated parts kept. */
  private static boolean isNestedProjectionOfLocal(Difference d) {
    if (!d.aspect.equals("Attributes") || !d.testCase.operation.equals("UpdateItem")
        || !(d.testCase.mentions("ReturnValues: UPDATED_NEW") || d.testCase.mentions("ReturnValues: UPDATED_OLD"))
        || d.dynamoDouble.attributes == null || d.local.attributes == null
        || !d.dynamoDouble.attributes.keySet().equals(d.local.attributes.keySet())) {
      return false;
    }
    boolean narrower = false;
    for (String name : d.local.attributes.keySet()) {
      software.amazon.awssdk.services.dynamodb.model.AttributeValue mine = d.dynamoDouble.attributes.get(name);
      software.amazon.awssdk.services.dynamodb.model.AttributeValue theirs = d.local.attributes.get(name);
      if (!SubDocument.within(mine, theirs)) {
        return false;
      }
      narrower |= !SubDocument.sameValue(mine, theirs);
    }
    return narrower;
  }

  /** The only page difference is a LastEvaluatedKey on a page that stopped at Limit, and the empty page after it. */
  private static final java.util.regex.Pattern TAKES_AWAY_ONLY = java.util.regex.Pattern.compile(
      "(?is)\\s*(REMOVE|DELETE)\\b(?!.*\\b(SET|ADD)\\b).*");

  private static boolean isRemoveOnlyOnMissingItem(Difference d) {
    String update = d.testCase.expressions.get("UpdateExpression");
    boolean localRefusedPath = !d.local.failed()
        || "The document path provided in the update expression is invalid for update".equals(d.local.message);
    return d.testCase.operation.equals("UpdateItem") && update != null && TAKES_AWAY_ONLY.matcher(update).matches()
        && !d.dynamoDouble.failed() && Canon.NONE.equals(d.dynamoDouble.fields.get("stored")) && localRefusedPath;
  }

  private static boolean isExtraLastPage(Difference d) {
    if (!d.testCase.operation.equals("Query") || !d.aspect.matches("page\\d+")
        || d.testCase.mentions("Limit: null")) {
      return false;
    }
    String mine = d.dynamoDouble.fields.get(d.aspect);
    String theirs = d.local.fields.get(d.aspect);
    mine = mine == null ? null : Canon.numbersByValue(mine);
    theirs = theirs == null ? null : Canon.numbersByValue(theirs);
    if (theirs == null) {
      return mine != null && (mine.equals("Count=0 ScannedCount=0 Items=[] LastEvaluatedKey=<none>")
          || mine.equals("Count=0 ScannedCount=0 Items=" + Canon.NONE + " LastEvaluatedKey=<none>"));
    }
    if (mine == null || !theirs.endsWith(" LastEvaluatedKey=<none>")) {
      return false;
    }
    String prefix = theirs.substring(0, theirs.length() - "<none>".length());
    return mine.startsWith(prefix) && !mine.endsWith("<none>");
  }

  private KnownDifferences() {}

  static Known find(Difference difference) {
    for (Known known : ALL) {
      if (known.covers(difference)) {
        return known;
      }
    }
    return null;
  }
}
