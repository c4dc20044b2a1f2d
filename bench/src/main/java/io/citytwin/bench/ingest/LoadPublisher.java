package io.citytwin.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The load driver of the ingest benchmark: a fixed number of telemetry messages, as fast as the
 * broker takes them, from a few Paho connections (one thread each), with a bounded window of
 * unacknowledged messages per connection. The same driver feeds the raw-broker baseline and
 * CityTwin, so their rates compare.
 */
final class LoadPublisher {
  private final String url;
  private final int connections;
  private final int qos;
  private final List<String> sensorIds;
  private final AtomicLong failures = new AtomicLong();

  LoadPublisher(String url, int connections, int qos, List<String> sensorIds) {
    this.url = url;
    this.connections = connections;
    this.qos = qos;
    this.sensorIds = sensorIds;
  }

  /** Publishes {@code total} messages (round-robin over the sensors) and waits until all went out. */
  void publish(long total, long baseTimeMillis) throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int index = c;
      long share = total / connections + (c < total % connections ? 1 : 0);
      Thread t = new Thread(() -> run(index, share, baseTimeMillis), "load-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private void run(int index, long count, long base) {
    try {
      MqttAsyncClient client = new MqttAsyncClient(url, "bench-load-" + index + "-" + System.nanoTime(), new MemoryPersistence());
      MqttConnectOptions o = new MqttConnectOptions();
      o.setCleanSession(true);
      o.setMaxInflight(1000);
      client.connect(o).waitForCompletion(10_000);
      Semaphore window = new Semaphore(qos == 0 ? 5_000 : 1_000);
      IMqttActionListener release = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          failures.incrementAndGet();
          window.release();
        }
      };
      for (long i = 0; i < count; i++) {
        String sensor = sensorIds.get((int) ((i * connections + index) % sensorIds.size()));
        // Distinct timestamps per sensor, so every message changes the live state.
        long ts = base + i * connections + index;
        byte[] payload = ("{\"ts\":" + ts + ",\"pm25\":" + (10 + (i % 400) / 10.0) + "}").getBytes(StandardCharsets.UTF_8);
        window.acquire();
        client.publish("citytwin/v1/sensors/" + sensor + "/telemetry", payload, qos, false, null, release);
      }
      window.acquire(qos == 0 ? 5_000 : 1_000);
      client.disconnect().waitForCompletion(10_000);
      client.close();
    } catch (Exception e) {
      failures.incrementAndGet();
      throw new IllegalStateException("load connection " + index + " failed: " + e, e);
    }
  }

  long failures() {
    return failures.get();
  }
}
