package io.citytwin.web.bus;

/**
 * A request a platform service (telemetry, incidents) refused or could not answer, with the message
 * it gave. Other failures (bugs, unexpected codes) reach callers as they are.
 */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the event-bus contracts' terms; each maps to one HTTP status. */
  public enum Problem {
    /** The request is invalid (400); the message names the field or parameter. */
    INVALID(400),
    /** The thing asked for does not exist (404). */
    NOT_FOUND(404),
    /** The request conflicts with the current state (409): an id taken, an illegal transition. */
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

  public ServiceException(Problem problem, String message) {
    super(message, null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
