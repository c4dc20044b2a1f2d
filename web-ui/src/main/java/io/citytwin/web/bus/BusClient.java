package io.citytwin.web.bus;

import io.citytwin.web.bus.ServiceException.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

/**
 * Request/reply on the event bus with the failure mapping every {@code *Addresses} contract shares.
 *
 * <p>A {@code ReplyException} with failure code 400, 404, 409 or 503 becomes the matching {@link
 * ServiceException} with the replier's message; no handler on the address and a time-out become
 * {@link Problem#UNAVAILABLE} naming the address; any other failure is passed on unchanged.
 * Thread-safe; never blocks.
 */
public final class BusClient {
  private final Vertx vertx;
  private final long timeoutMs;
  private final DeliveryOptions options;

  /** @param timeoutMs how long to wait for an answer before failing with UNAVAILABLE */
  public BusClient(Vertx vertx, long timeoutMs) {
    if (timeoutMs <= 0) {
      throw new IllegalArgumentException("timeoutMs must be positive, not " + timeoutMs);
    }
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** The reply body of a request to {@code address}; fails as the class comment says. */
  public <T> Future<T> request(String address, Object body) {
    return vertx.eventBus()
        .<T>request(address, body, options)
        .map(Message::body)
        .recover(e -> Future.failedFuture(translate(address, e)));
  }

  /** The failure callers see for a failed request to {@code address}. */
  Throwable translate(String address, Throwable e) {
    if (!(e instanceof ReplyException r)) {
      return e;
    }
    switch (r.failureType()) {
      case NO_HANDLERS:
        return new ServiceException(Problem.UNAVAILABLE,
            "no service answers on " + address + " (is it deployed?)");
      case TIMEOUT:
        return new ServiceException(Problem.UNAVAILABLE,
            "no answer on " + address + " within " + timeoutMs + " ms");
      default:
        break;
    }
    String message = r.getMessage() == null ? address + " failed with code " + r.failureCode() : r.getMessage();
    return switch (r.failureCode()) {
      case 400 -> new ServiceException(Problem.INVALID, message);
      case 404 -> new ServiceException(Problem.NOT_FOUND, message);
      case 409 -> new ServiceException(Problem.CONFLICT, message);
      case 503 -> new ServiceException(Problem.UNAVAILABLE, message);
      default -> e;
    };
  }
}
