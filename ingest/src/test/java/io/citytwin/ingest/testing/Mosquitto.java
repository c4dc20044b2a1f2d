package io.citytwin.ingest.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto broker (Debian's {@code mosquitto}) started for a test on a free loopback port,
 * with a generated configuration. When the binary is missing the test fails under {@code CI=true}
 * and is skipped elsewhere, with a message saying how to install it.
 */
public final class Mosquitto implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  private final Process process;
  private final int port;
  private final Path dir;

  private Mosquitto(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Checks the binary is there: fails in CI, skips elsewhere. */
  public static void require() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    String msg = BINARY + " not found: apt-get install mosquitto mosquitto-clients";
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI: " + msg);
    }
    Assumptions.abort(msg);
  }

  /** An anonymous broker; {@code extraConfig} lines are appended (e.g. auth settings). */
  public static Mosquitto start(Path dir, List<String> extraConfig) throws IOException, InterruptedException {
    require();
    int port = freePort();
    Path conf = dir.resolve("mosquitto.conf");
    StringBuilder c = new StringBuilder()
        .append("listener ").append(port).append(" 127.0.0.1\n")
        .append("persistence false\n")
        .append("max_inflight_messages 1000\n")
        .append("max_queued_messages 1000000\n")
        .append("log_dest stdout\n")
        // Started as root, Mosquitto switches to its own user, which cannot read the test's
        // private temp directory; keep the current user instead.
        .append("user ").append(System.getProperty("user.name")).append('\n');
    boolean auth = extraConfig.stream().anyMatch(l -> l.startsWith("password_file"));
    c.append("allow_anonymous ").append(!auth).append('\n');
    extraConfig.forEach(l -> c.append(l).append('\n'));
    Files.writeString(conf, c);
    Process p = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
    Mosquitto m = new Mosquitto(p, port, dir);
    m.awaitListening();
    return m;
  }

  private void awaitListening() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.out")));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s");
  }

  /** Writes a Mosquitto password file with {@code mosquitto_passwd}. */
  public static Path passwordFile(Path dir, String... userPasswordPairs) throws IOException, InterruptedException {
    Path file = dir.resolve("passwd");
    Files.writeString(file, "");
    for (int i = 0; i < userPasswordPairs.length; i += 2) {
      Process p = new ProcessBuilder("/usr/bin/mosquitto_passwd", "-b", file.toString(),
          userPasswordPairs[i], userPasswordPairs[i + 1]).redirectErrorStream(true).start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
      }
    }
    return file;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
