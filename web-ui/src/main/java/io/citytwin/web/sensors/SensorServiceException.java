package io.citytwin.web.sensors;

/**
 * A request the telemetry services refused or could not answer, with the message they gave. Other
 * failures (bugs, unexpected codes) reach callers as they are.
 */
public final class SensorServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the contract's terms; each maps to one HTTP status. */
  public enum Problem {
    /** The request is invalid (400); the message names the field or parameter. */
    INVALID(400),
    /** The sensor is not registered (404). */
    NOT_FOUND(404),
    /** The sensor id is taken (409). */
    CONFLICT(409),
    /** Nobody answered in time, or the service said it is unavailable (503). */
    UNAVAILABLE(503);

    private final int httpStatus;

    Problem(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Problem problem;

  public SensorServiceException(Problem problem, String message) {
    super(message, null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
