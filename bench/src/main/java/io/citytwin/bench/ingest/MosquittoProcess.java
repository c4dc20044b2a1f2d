package io.citytwin.bench.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's Mosquitto on a free loopback port, tuned so it never drops QoS 1 for a slow subscriber. */
public final class MosquittoProcess implements AutoCloseable {
  private final Process process;
  public final int port;

  public MosquittoProcess(Path dir) throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
        + "max_inflight_messages 1000\nmax_queued_messages 0\nlog_dest none\n"
        + "user " + System.getProperty("user.name") + "\n");
    process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
    for (int i = 0; i < 200; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(25);
      }
    }
    throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.out")));
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
