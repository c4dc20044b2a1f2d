package io.citytwin.web.http;

/**
 * A query or path parameter, or a member of a JSON request body, that cannot be used; answered as
 * 400 by {@link ApiErrors#badParameter}.
 */
final class BadParameterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where the bad value came from: how the message names it and the error member carrying it. */
  enum Source {
    QUERY("query parameter", "parameter"),
    PATH("path parameter", "parameter"),
    BODY("request body: field", "field");

    final String label;
    final String member;

    Source(String label, String member) {
      this.label = label;
      this.member = member;
    }
  }

  private final Source source;
  private final String parameter;
  private final String value;

  /** A bad query parameter. */
  BadParameterException(String parameter, String value, String problem) {
    this(Source.QUERY, parameter, value, problem);
  }

  BadParameterException(Source source, String parameter, String value, String problem) {
    super(problem, null, false, false);
    this.source = source;
    this.parameter = parameter;
    this.value = value;
  }

  /** A request body that cannot be read at all (not JSON, not an object). */
  static BadParameterException body(String problem) {
    return new BadParameterException(Source.BODY, null, null, problem);
  }

  Source source() {
    return source;
  }

  String parameter() {
    return parameter;
  }

  String value() {
    return value;
  }
}
