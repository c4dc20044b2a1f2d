package io.citytwin.ingest.alert;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert channel to agencies' own systems: each message for an agency is POSTed as JSON to every
 * webhook URL configured for it.
 *
 * <p>Each endpoint has its own queue and delivers in order, one request at a time, retrying
 * failures (connection refused, timeout, 5xx, 429) with exponential back-off up to a number of
 * attempts; a 4xx other than 429 is a permanent refusal and is not retried. Because the queues
 * are independent, a failing or slow endpoint never delays the others. Queues are bounded: when
 * one is full the oldest undelivered message of that endpoint is given up and counted.
 *
 * <p>Must be used from one Vert.x context (the verticle that owns it).
 */
public final class WebhookNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  /**
   * @param maxAttempts tries per message, at least 1
   * @param firstRetryMs delay before the second try; doubles per try up to {@code maxRetryMs}
   * @param timeoutMs per request
   * @param queueLimit undelivered messages kept per endpoint
   */
  public record Settings(int maxAttempts, long firstRetryMs, long maxRetryMs, long timeoutMs, int queueLimit) {
    public static final Settings DEFAULTS = new Settings(8, 500, 30_000, 5_000, 10_000);
  }

  private final Vertx vertx;
  private final WebClient client;
  private final Settings settings;
  private final Map<String, List<Endpoint>> byAgency = new HashMap<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public WebhookNotifier(Vertx vertx, Map<String, List<URI>> urlsByAgency, Settings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) settings.timeoutMs()));
    urlsByAgency.forEach((agency, urls) -> byAgency.put(agency, urls.stream().map(Endpoint::new).toList()));
  }

  /** Whether any webhook is configured for the agency. */
  public boolean has(String agency) {
    return byAgency.containsKey(agency);
  }

  /**
   * Queues the message for every endpoint of the agency. The future completes when every endpoint
   * accepted it, or fails when one gave up (after all attempts, or refused it permanently).
   */
  public Future<Void> notify(String agency, JsonObject message) {
    List<Endpoint> endpoints = byAgency.getOrDefault(agency, List.of());
    return Future.all(endpoints.stream().map(e -> e.enqueue(message.toBuffer())).toList()).mapEmpty();
  }

  public long delivered() {
    return delivered.get();
  }

  public long retries() {
    return retries.get();
  }

  public long failed() {
    return failed.get();
  }

  public void close() {
    client.close();
  }

  private final class Endpoint {
    private final URI url;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean busy;

    Endpoint(URI url) {
      this.url = url;
    }

    Future<Void> enqueue(Buffer body) {
      Promise<Void> p = Promise.promise();
      if (queue.size() >= settings.queueLimit()) {
        Pending dropped = queue.removeFirst();
        failed.incrementAndGet();
        dropped.promise.tryFail("webhook " + url + ": queue full, oldest message given up");
      }
      queue.addLast(new Pending(body, p));
      next();
      return p.future();
    }

    private void next() {
      if (busy || queue.isEmpty()) {
        return;
      }
      busy = true;
      attempt(queue.peekFirst(), 1, settings.firstRetryMs());
    }

    private void attempt(Pending m, int n, long delay) {
      client.postAbs(url.toString())
          .timeout(settings.timeoutMs())
          .putHeader("Content-Type", "application/json")
          .sendBuffer(m.body)
          .onComplete(ar -> {
            String problem = problem(ar.succeeded() ? ar.result() : null, ar.cause());
            boolean permanent = ar.succeeded() && isPermanent(ar.result().statusCode());
            if (problem == null) {
              delivered.incrementAndGet();
              finish(m, null);
            } else if (permanent || n >= settings.maxAttempts()) {
              failed.incrementAndGet();
              LOG.warn("webhook {} gave up after {} attempt(s): {}", url, n, problem);
              finish(m, "webhook " + url + ": " + problem);
            } else {
              retries.incrementAndGet();
              vertx.setTimer(delay, id -> attempt(m, n + 1, Math.min(delay * 2, settings.maxRetryMs())));
            }
          });
    }

    private void finish(Pending m, String failure) {
      queue.remove(m);
      busy = false;
      if (failure == null) {
        m.promise.tryComplete();
      } else {
        m.promise.tryFail(failure);
      }
      next();
    }
  }

  private static String problem(HttpResponse<Buffer> response, Throwable cause) {
    if (response == null) {
      return String.valueOf(cause);
    }
    int s = response.statusCode();
    return s >= 200 && s < 300 ? null : "HTTP " + s;
  }

  private static boolean isPermanent(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }

  private record Pending(Buffer body, Promise<Void> promise) {}
}
