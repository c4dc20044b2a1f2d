package io.citytwin.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the fake event-bus services have in common: consumers that record every request and can be
 * told to fail with a code, to never answer, to answer late, or to go away.
 */
abstract class FakeService {
  /** Requests received, per address. */
  final Map<String, List<Object>> requests = new ConcurrentHashMap<>();
  /** Address -> {code, message} to fail with instead of answering. */
  final Map<String, Object[]> failures = new ConcurrentHashMap<>();
  /** Addresses that receive requests but never answer (to provoke time-outs). */
  final List<String> silent = new CopyOnWriteArrayList<>();
  /** Address -> milliseconds to wait before answering. */
  final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Map<String, MessageConsumer<?>> consumers = new ConcurrentHashMap<>();

  /** Registers the consumers; completes once all are registered. */
  abstract Future<Void> register(Vertx vertx);

  /** A recording consumer on {@code address} answering with {@code handler} unless told otherwise. */
  Future<Void> on(Vertx vertx, String address, Consumer<Message<Object>> handler) {
    MessageConsumer<Object> c = vertx.eventBus().consumer(address, m -> {
      requests.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(m.body());
      Object[] failure = failures.get(address);
      if (silent.contains(address)) {
        return;
      }
      Runnable answer = () -> {
        if (failure != null) {
          m.fail((Integer) failure[0], (String) failure[1]);
        } else {
          handler.accept(m);
        }
      };
      Long delay = delays.get(address);
      if (delay == null) {
        answer.run();
      } else {
        vertx.setTimer(delay, id -> answer.run());
      }
    });
    consumers.put(address, c);
    return c.completion();
  }

  /** Stops answering on {@code address}: requests then find no handler. */
  Future<Void> unregister(String address) {
    return consumers.remove(address).unregister();
  }

  /** Request bodies seen on an address, oldest first. */
  List<Object> requestsTo(String address) {
    return requests.getOrDefault(address, List.of());
  }
}
