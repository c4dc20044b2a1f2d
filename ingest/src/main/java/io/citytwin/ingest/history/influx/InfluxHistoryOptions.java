package io.citytwin.ingest.history.influx;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link InfluxHistoryStore}.
 *
 * @param url InfluxDB 1.x HTTP endpoint, e.g. {@code http://localhost:8086}
 * @param database created at start if missing
 * @param username null when authentication is off
 * @param password null when authentication is off
 * @param spoolDirectory the write-ahead spool; must survive restarts and belong to this process only
 * @param maxPointsPerWrite points per HTTP write request (whole spooled batches are never split,
 *     so one request may carry more when a single append was larger)
 * @param requestTimeout connect, read and write timeout of one request
 * @param retryMin first pause after a failed write
 * @param retryMax the pause doubles per failure up to this
 * @param closeTimeout how long {@link InfluxHistoryStore#close} keeps sending the spool before it
 *     leaves the rest on disk for the next start
 * @param syncInterval zero to fsync every spooled batch before acknowledging it; otherwise the
 *     longest an acknowledged batch may stay unforced (it still survives a process crash)
 * @param segmentBytes size at which a spool segment is sealed
 */
public record InfluxHistoryOptions(URI url, String database, String username, String password,
        Path spoolDirectory, int maxPointsPerWrite, Duration requestTimeout, Duration retryMin, Duration retryMax,
        Duration closeTimeout, Duration syncInterval, long segmentBytes) {

    public InfluxHistoryOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("InfluxDB url must be http(s)://host:port, was " + url);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("InfluxDB database name must not be blank");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("InfluxDB username and password go together");
        }
        if (maxPointsPerWrite < 1) {
            throw new IllegalArgumentException("InfluxDB points per write must be positive: " + maxPointsPerWrite);
        }
        positive("request timeout", requestTimeout);
        positive("first retry pause", retryMin);
        positive("longest retry pause", retryMax);
        if (retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("InfluxDB longest retry pause " + retryMax + " is below the first "
                    + retryMin);
        }
        if (closeTimeout.isNegative() || syncInterval.isNegative()) {
            throw new IllegalArgumentException("InfluxDB close timeout and sync interval must not be negative");
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("InfluxDB spool segment size must be at least 4096 bytes: "
                    + segmentBytes);
        }
    }

    private static void positive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("InfluxDB " + what + " must be positive: " + d);
        }
    }

    /**
     * Defaults: no credentials, 5,000 points per write, 10 s request timeout, retries from 250 ms
     * doubling to 10 s, 10 s to drain at close, fsync before every acknowledgement, 16 MiB segments.
     */
    public static InfluxHistoryOptions of(URI url, String database, Path spoolDirectory) {
        return new InfluxHistoryOptions(url, database, null, null, spoolDirectory, 5000, Duration.ofSeconds(10),
                Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ZERO, 16L << 20);
    }

    public InfluxHistoryOptions withCredentials(String user, String secret) {
        return new InfluxHistoryOptions(url, database, user, secret, spoolDirectory, maxPointsPerWrite,
                requestTimeout, retryMin, retryMax, closeTimeout, syncInterval, segmentBytes);
    }

    public InfluxHistoryOptions withMaxPointsPerWrite(int value) {
        return new InfluxHistoryOptions(url, database, username, password, spoolDirectory, value, requestTimeout,
                retryMin, retryMax, closeTimeout, syncInterval, segmentBytes);
    }

    public InfluxHistoryOptions withRequestTimeout(Duration value) {
        return new InfluxHistoryOptions(url, database, username, password, spoolDirectory, maxPointsPerWrite, value,
                retryMin, retryMax, closeTimeout, syncInterval, segmentBytes);
    }

    public InfluxHistoryOptions withRetry(Duration first, Duration longest) {
        return new InfluxHistoryOptions(url, database, username, password, spoolDirectory, maxPointsPerWrite,
                requestTimeout, first, longest, closeTimeout, syncInterval, segmentBytes);
    }

    public InfluxHistoryOptions withCloseTimeout(Duration value) {
        return new InfluxHistoryOptions(url, database, username, password, spoolDirectory, maxPointsPerWrite,
                requestTimeout, retryMin, retryMax, value, syncInterval, segmentBytes);
    }

    public InfluxHistoryOptions withSyncInterval(Duration value) {
        return new InfluxHistoryOptions(url, database, username, password, spoolDirectory, maxPointsPerWrite,
                requestTimeout, retryMin, retryMax, closeTimeout, value, segmentBytes);
    }

    public InfluxHistoryOptions withSegmentBytes(long value) {
        return new InfluxHistoryOptions(url, database, username, password, spoolDirectory, maxPointsPerWrite,
                requestTimeout, retryMin, retryMax, closeTimeout, syncInterval, value);
    }

    /** Without the password, for logs and errors. */
    @Override
    public String toString() {
        return "InfluxHistoryOptions[url=" + url + ", database=" + database + ", username=" + username
                + ", spool=" + spoolDirectory + ", maxPointsPerWrite=" + maxPointsPerWrite + "]";
    }
}
