package io.citytwin.ingest.fleet;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A live one-line progress report, rewritten in place about once a second with a carriage return:
 * {@code sent 12,345  rate 1,002/s  delivered 12,300  errors 0  dropouts 3  faulty 7  12s}. The
 * rate is over the last interval, not the mean. Runs on its own daemon thread.
 */
public final class ProgressLine implements AutoCloseable {

    private final Supplier<FleetStats> stats;
    private final PrintStream out;
    private final ScheduledExecutorService timer;
    private long lastSent;
    private long lastNanos = System.nanoTime();

    private ProgressLine(Supplier<FleetStats> stats, PrintStream out, Duration every) {
        this.stats = stats;
        this.out = out;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts printing {@code stats} to {@code out} every {@code every}. */
    public static ProgressLine start(Supplier<FleetStats> stats, PrintStream out, Duration every) {
        return new ProgressLine(stats, out, every);
    }

    /** The line for a snapshot, given the rate to show. */
    public static String format(FleetStats s, double ratePerSecond) {
        return String.format(Locale.ROOT,
                "sent %,d  rate %,.0f/s  delivered %,d  errors %,d  dropouts %,d  faulty %,d  %ds",
                s.sent(), ratePerSecond, s.delivered(), s.errors(), s.dropouts(), s.faulty(), s.elapsed().toSeconds());
    }

    private synchronized void print() {
        FleetStats s = stats.get();
        long now = System.nanoTime();
        double rate = (s.sent() - lastSent) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastSent = s.sent();
        lastNanos = now;
        // Pad so a shorter line fully overwrites a longer one.
        out.print("\r" + String.format("%-100s", format(s, rate)));
        out.flush();
    }

    /** Stops the updates and ends the line with the final figures and their mean rate. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        FleetStats s = stats.get();
        out.print("\r" + String.format("%-100s", format(s, s.meanRate())) + System.lineSeparator());
        out.flush();
    }
}
