package io.citytwin.twin.disposal;

/** Internal: a command cannot be accepted; becomes {@link Disposal.Decision.Rejected}. */
final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Refused(String reason) {
    super(reason, null, false, false);
  }
}
