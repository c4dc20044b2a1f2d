package io.citytwin.web.push;

import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;

/**
 * One connected dashboard. Frames published while its snapshot is fetched wait (bounded) and follow
 * the snapshot, so it misses nothing that happened after it connected. When its write queue is
 * full, frames are dropped and, once the queue drains, a fresh snapshot replaces them (at most one
 * per {@link PushSettings#minResyncInterval()}).
 *
 * <p>Confined to the event loop of the hub's context (the socket's too): no locks.
 */
final class PushClient {
  private enum Mode {
    /** Waiting for a snapshot; frames wait in {@link #pending}. */
    SYNCING,
    /** Frames are written as they come. */
    LIVE,
    /** Frames were dropped; waiting for the write queue to drain (and the resync interval) to resync. */
    BEHIND,
    CLOSED
  }

  private final LivePush hub;
  private final ServerWebSocket ws;
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private Mode mode = Mode.SYNCING;
  private boolean resyncAfterSnapshot;
  private long lastSnapshotNanos;
  private long timer = -1;

  PushClient(LivePush hub, ServerWebSocket ws) {
    this.hub = hub;
    this.ws = ws;
  }

  /** Fetches a snapshot and sends it as the hello frame, then what waited meanwhile. */
  void sync(boolean resync) {
    mode = Mode.SYNCING;
    timer = -1;
    hub.snapshot(resync).onComplete(ar -> {
      if (mode == Mode.CLOSED || ws.isClosed()) {
        return;
      }
      // snapshot() does not fail: a source that did not answer is named in the frame instead.
      ws.writeTextMessage(ar.result());
      lastSnapshotNanos = System.nanoTime();
      mode = Mode.LIVE;
      while (!pending.isEmpty() && mode == Mode.LIVE) {
        deliver(pending.poll());
      }
      if (resyncAfterSnapshot && mode == Mode.LIVE) {
        resyncAfterSnapshot = false;
        fallBehind();
      }
    });
  }

  /** Offers one event frame: written, held or dropped depending on the client's state. */
  void deliver(String frame) {
    switch (mode) {
      case SYNCING -> {
        if (pending.size() < hub.settings().maxPendingFrames()) {
          pending.add(frame);
        } else {
          hub.countDropped();
          resyncAfterSnapshot = true;
        }
      }
      case LIVE -> {
        if (ws.isClosed()) {
          return; // the close handler removes this client
        }
        if (ws.writeQueueFull()) {
          hub.countDropped();
          fallBehind();
        } else {
          ws.writeTextMessage(frame);
          hub.countSent();
        }
      }
      case BEHIND -> hub.countDropped();
      case CLOSED -> { }
    }
  }

  void close() {
    mode = Mode.CLOSED;
    pending.clear();
    if (timer >= 0) {
      hub.vertx().cancelTimer(timer);
      timer = -1;
    }
  }

  private void fallBehind() {
    mode = Mode.BEHIND;
    // Socket methods throw once it is closed; its close handler removes this client.
    if (ws.isClosed()) {
      return;
    }
    if (ws.writeQueueFull()) {
      ws.drainHandler(v -> {
        ws.drainHandler(null);
        scheduleResync();
      });
    } else {
      scheduleResync();
    }
  }

  private void scheduleResync() {
    if (mode != Mode.BEHIND || ws.isClosed()) {
      return;
    }
    long waitMs = (lastSnapshotNanos + hub.settings().minResyncInterval().toNanos() - System.nanoTime()) / 1_000_000;
    if (waitMs <= 0) {
      hub.countResync();
      sync(true);
    } else {
      timer = hub.vertx().setTimer(waitMs, id -> {
        timer = -1;
        scheduleResync();
      });
    }
  }
}
