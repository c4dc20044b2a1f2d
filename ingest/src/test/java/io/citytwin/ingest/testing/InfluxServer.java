package io.citytwin.ingest.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real InfluxDB 1.x server (Debian package {@code influxdb}, binary {@code influxd}) for
 * integration tests and benchmarks: its own generated config, meta/data/wal directories under a
 * given directory, loopback-only on free ports (HTTP and the RPC bind address; every other listener
 * and usage reporting off). {@link #stop} and {@link #start} again keep the data and the ports, for
 * outage scenarios.
 *
 * <pre>{@code
 * try (InfluxServer influx = InfluxServer.startForTest(tempDir)) {
 *     ... influx.url() ...; influx.count("citytwin", "pm25");
 * }
 * }</pre>
 *
 * The binary is {@code $INFLUXD} if set, else {@code influxd} on the PATH, else {@code /usr/bin/influxd}.
 */
public final class InfluxServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path binary;
    private final Path dir;
    private final Path config;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private InfluxServer(Path binary, Path dir) throws IOException {
        this.binary = binary;
        this.dir = dir;
        this.config = dir.resolve("influxdb.conf");
        this.log = dir.resolve("influxd.log");
        this.httpPort = freePort();
        Files.createDirectories(dir);
        Files.writeString(config, config(dir, httpPort, freePort()));
    }

    /** The influxd binary, if installed. */
    public static Optional<Path> binary() {
        String configured = System.getenv("INFLUXD");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)).filter(p -> !p.isEmpty()),
                        Stream.of("/usr/bin", "/usr/sbin"))
                .map(p -> Path.of(p, "influxd"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts a server in {@code dir} for a test. Without influxd installed the test fails when the
     * environment variable {@code CI} is {@code true}, and is skipped (JUnit assumption) otherwise.
     */
    public static InfluxServer startForTest(Path dir) throws IOException {
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            String message = "influxd not found (install the Debian package: apt-get install -y influxdb, "
                    + "or set INFLUXD to the binary)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true, so this is a failure");
            }
            // Surefire shows no reason for a class aborted in @BeforeAll, so say it on the console too.
            System.err.println("SKIPPED: " + message);
            org.junit.jupiter.api.Assumptions.abort(message + "; skipping");
        }
        return start(binary.get(), dir);
    }

    /** Starts a server in {@code dir} with the given binary, waiting until it answers {@code /ping}. */
    public static InfluxServer start(Path binary, Path dir) throws IOException {
        InfluxServer server = new InfluxServer(binary, dir);
        server.start();
        return server;
    }

    private static String config(Path dir, int httpPort, int rpcPort) {
        return """
                reporting-disabled = true
                bind-address = "127.0.0.1:%2$d"

                [meta]
                  dir = "%3$s"
                  logging-enabled = false

                [data]
                  dir = "%4$s"
                  wal-dir = "%5$s"
                  query-log-enabled = false

                [monitor]
                  store-enabled = false

                [subscriber]
                  enabled = false

                [continuous_queries]
                  enabled = false

                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%1$d"
                  log-enabled = false
                  pprof-enabled = false

                [ifql]
                  enabled = false

                [logging]
                  level = "warn"
                  suppress-logo = true
                """.formatted(httpPort, rpcPort, dir.resolve("meta"), dir.resolve("data"), dir.resolve("wal"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts (or restarts, on the same data and ports) influxd and waits for {@code /ping}. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        process = new ProcessBuilder(binary.toString(), "run", "-config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("influxd exited with " + process.exitValue() + " at start:\n" + logTail());
            }
            if (pings()) {
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("influxd did not answer /ping within " + START_TIMEOUT + ":\n" + logTail());
    }

    private boolean pings() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url().resolve("/ping"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Shuts influxd down cleanly (SIGTERM), killing it if it takes longer than 20 s. Data stay. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:40123}; stable across restarts. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** Where influxd's output goes. */
    public Path log() {
        return log;
    }

    /** Runs an InfluxQL statement over HTTP (epoch=ms) and returns the response body. */
    public JsonObject query(String database, String influxql) {
        String uri = url() + "/query?epoch=ms&db=" + encode(database) + "&q=" + encode(influxql);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("InfluxQL '" + influxql + "' answered " + r.statusCode() + ": " + r.body());
            }
            return new JsonObject(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes line protocol (millisecond timestamps) straight to the server; returns the HTTP status. */
    public int write(String database, String lines) {
        String uri = url() + "/write?precision=ms&db=" + encode(database);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.ofString(lines))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code SELECT count(value) FROM "measurement"} (optionally with a WHERE clause); 0 when empty. */
    public long count(String database, String measurement, String where) {
        JsonObject body = query(database, "SELECT count(\"value\") FROM \"" + measurement + "\""
                + (where == null ? "" : " WHERE " + where));
        JsonObject result = body.getJsonArray("results").getJsonObject(0);
        if (result.containsKey("error")) {
            String error = result.getString("error");
            if (error.startsWith("database not found")) {
                return 0;
            }
            throw new IllegalStateException("count on " + measurement + ": " + error);
        }
        JsonArray series = result.getJsonArray("series");
        if (series == null || series.isEmpty()) {
            return 0;
        }
        return series.getJsonObject(0).getJsonArray("values").getJsonArray(0).getLong(1);
    }

    public long count(String database, String measurement) {
        return count(database, measurement, null);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server; the directory is the caller's (a JUnit temp dir removes it). */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "influxd at " + url() + " in " + dir;
    }
}
