package io.citytwin.web.http;

/** A query parameter that cannot be used; answered as 400 by {@link ApiErrors#badParameter}. */
final class BadParameterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String value;

  BadParameterException(String parameter, String value, String problem) {
    super(problem, null, false, false);
    this.parameter = parameter;
    this.value = value;
  }

  String parameter() {
    return parameter;
  }

  String value() {
    return value;
  }
}
