package io.citytwin.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of {@code /ws}: the text messages it receives, as JSON, in order. */
final class WsProbe {
  final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  final ClientWebSocket ws;
  private final WebSocketClient client;

  private WsProbe(WebSocketClient client, ClientWebSocket ws) {
    this.client = client;
    this.ws = ws;
  }

  /** Connects; with {@code paused} the client reads nothing from the socket until {@link #resume()}. */
  static WsProbe connect(Vertx vertx, int port, boolean paused) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 << 20));
    ClientWebSocket ws = client.webSocket();
    WsProbe probe = new WsProbe(client, ws);
    ws.textMessageHandler(text -> probe.received.add(new JsonObject(text)));
    TestServer.await(ws.connect(port, "127.0.0.1", "/ws"));
    if (paused) {
      ws.pause();
    }
    return probe;
  }

  /** The next message, failing after 10 s. */
  JsonObject next() throws InterruptedException {
    JsonObject m = received.poll(10, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no WebSocket message within 10 s");
    }
    return m;
  }

  /** The next message whose type is {@code type}, skipping others. */
  JsonObject next(String type) throws InterruptedException {
    while (true) {
      JsonObject m = next();
      if (type.equals(m.getString("type"))) {
        return m;
      }
    }
  }

  void resume() {
    ws.resume();
  }

  void close() throws Exception {
    TestServer.await(client.close());
  }
}
