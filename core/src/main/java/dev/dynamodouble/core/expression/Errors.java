package dev.dynamodouble.core.expression;

import dev.dynamodouble.core.error.DynamoException;
import dev.dynamodouble.core.value.AttributeType;

/** DynamoDB's expression error messages, in one place so that their wording stays consistent. */
final class Errors {
  private Errors() {}

  /** "Invalid ConditionExpression: detail" and its siblings. */
  static DynamoException invalid(String parameter, String detail) {
    return DynamoException.validation("Invalid " + parameter + ": " + detail);
  }

  static String syntax(String token, String near) {
    return "Syntax error; token: \"" + token + "\", near: \"" + near + "\"";
  }

  static final String EMPTY = "The expression can not be empty;";
  static final String REDUNDANT_PARENS = "The expression has redundant parentheses;";
  static final String SIZE_EXCEEDED = "Expression size has exceeded the maximum allowed size;";

  static String reserved(String name) {
    return "Attribute name is a reserved keyword; reserved keyword: " + name;
  }

  static String invalidFunction(String name) {
    return "Invalid function name; function: " + name;
  }

  static String notAllowedInCondition(String name) {
    return "The function is not allowed in a condition expression; function: " + name;
  }

  static String notAllowedInUpdate(String name) {
    return "The function is not allowed in an update expression; function: " + name;
  }

  static String misusedFunction(String name) {
    return "The function is not allowed to be used this way in an expression; function: " + name;
  }

  static String tooDeep(int levels) {
    return "The document path has too many nesting levels; nesting levels: " + levels;
  }

  static String tooManyOperators(int count) {
    return "The expression contains too many operators; operator count: " + count;
  }

  static String inTooMany(int count) {
    return "The IN operator is provided with too many operands; number of operands: " + count;
  }

  static String listIndexRange(String index) {
    return "List index is not within the allowable range; index: " + index;
  }

  static String duplicateSection(String clause) {
    return "The \"" + clause + "\" section can only be used once in an update expression;";
  }

  static String undefinedName(String name) {
    return "An expression attribute name used in the document path is not defined; attribute name: "
        + name;
  }

  static String undefinedValue(String name) {
    return "An expression attribute value used in expression is not defined; attribute value: " + name;
  }

  static String operandCount(String function, int count) {
    return "Incorrect number of operands for operator or function; operator or function: "
        + function + ", number of operands: " + count;
  }

  static String operandType(String function, String type) {
    return "Incorrect operand type for operator or function; operator or function: " + function
        + ", operand type: " + type;
  }

  /** The ADD/DELETE clause form, which names the operator only and spells types out. */
  static String clauseOperandType(String clause, AttributeType type) {
    return "Incorrect operand type for operator or function; operator: " + clause
        + ", operand type: " + longTypeName(type) + ", typeSet: ALLOWED_FOR_" + clause + "_OPERAND";
  }

  static String requiresPath(String function) {
    return "Operator or function requires a document path; operator or function: " + function;
  }

  static String notDistinct(String operator, DocumentPath path) {
    return "The first operand must be distinct from the remaining operands for this operator or "
        + "function; operator: " + operator + ", first operand: " + path;
  }

  static String invalidTypeName(String type) {
    return "Invalid attribute type name found; type: " + type
        + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}";
  }

  static String overlap(DocumentPath one, DocumentPath two) {
    return "Two document paths overlap with each other; must remove or rewrite one of these paths; "
        + "path one: " + one + ", path two: " + two;
  }

  static String conflict(DocumentPath one, DocumentPath two) {
    return "Two document paths conflict with each other; must remove or rewrite one of these paths; "
        + "path one: " + one + ", path two: " + two;
  }

  // Runtime errors of UpdateItem (no "Invalid UpdateExpression" prefix).
  static final String MISSING_ATTRIBUTE =
      "The provided expression refers to an attribute that does not exist in the item";
  static final String WRONG_OPERAND_TYPE =
      "An operand in the update expression has an incorrect data type";
  static final String INVALID_PATH_FOR_UPDATE =
      "The document path provided in the update expression is invalid for update";

  static DynamoException keyUpdate(String attribute) {
    return DynamoException.invalidParameter(
        "Cannot update attribute " + attribute + ". This attribute is part of the key");
  }

  static String longTypeName(AttributeType type) {
    switch (type) {
      case S: return "STRING";
      case N: return "NUMBER";
      case B: return "BINARY";
      case BOOL: return "BOOLEAN";
      case NULL: return "NULL";
      case M: return "MAP";
      case L: return "LIST";
      case SS: return "STRING_SET";
      case NS: return "NUMBER_SET";
      case BS: return "BINARY_SET";
      default: throw new IllegalStateException(type.name());
    }
  }
}
