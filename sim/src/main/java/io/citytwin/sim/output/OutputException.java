package io.citytwin.sim.output;

/** An output file or directory cannot be written; the message names it and says why. */
public final class OutputException extends RuntimeException {
  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }

  public OutputException(String message) {
    super(message);
  }
}
