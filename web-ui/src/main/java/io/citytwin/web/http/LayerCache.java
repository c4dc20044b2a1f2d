package io.citytwin.web.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Full (unfiltered) layers as served over HTTP: the GeoJSON bytes, their gzip encoding and an ETag,
 * computed once on a worker thread. Use from one event-loop context only (the server's); a failed
 * load is not kept, so an unknown name never fills the cache.
 */
final class LayerCache {
  /** A cached layer. */
  record Entry(Buffer raw, Buffer gzip, String etag) {}

  private final Vertx vertx;
  private final Map<String, Future<Entry>> entries = new HashMap<>();

  LayerCache(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<Entry> get(String name, Supplier<Future<Buffer>> load) {
    Future<Entry> cached = entries.get(name);
    if (cached != null) {
      return cached;
    }
    Future<Entry> loading = load.get().compose(raw -> vertx.executeBlocking(() -> encode(raw), false));
    entries.put(name, loading);
    loading.onFailure(e -> entries.remove(name, loading));
    return loading;
  }

  /** Forgets every layer, e.g. after the city was reloaded. */
  void clear() {
    entries.clear();
  }

  static Entry encode(Buffer raw) throws IOException, NoSuchAlgorithmException {
    byte[] bytes = raw.getBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
    String etag = "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    return new Entry(raw, Buffer.buffer(out.toByteArray()), etag);
  }
}
