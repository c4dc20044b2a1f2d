package io.citytwin.ingest.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a simulated fleet publishes.
 *
 * @param brokerUri        Paho server URI, e.g. {@code tcp://localhost:1883} ({@code mqtt://} and
 *                         {@code mqtts://} are accepted as {@code tcp://} and {@code ssl://})
 * @param ratePerSecond    messages per second across the whole fleet; 0 = as fast as possible
 * @param duration         how long to publish; null = until stopped
 * @param qos              0 or 1
 * @param connections      0 = one connection per sensor, logging in with the sensor's own
 *                         credentials (so broker ACLs hold); n &gt; 0 = a pool of n anonymous
 *                         connections shared by all sensors (load tests)
 * @param publisherThreads threads that publish, each with its share of sensors and rate
 * @param format           payload form
 * @param seed             fixes every sensor's value stream
 * @param faults           how often sensors misbehave
 * @param zone             local time of the daily cycles
 * @param clock            timestamps and model time
 * @param maxInflight      unacknowledged messages per connection before publishing waits
 * @param connectTimeout   per connection attempt
 */
public record FleetOptions(
        String brokerUri,
        double ratePerSecond,
        Duration duration,
        int qos,
        int connections,
        int publisherThreads,
        PayloadFormat format,
        long seed,
        FaultRates faults,
        ZoneId zone,
        Clock clock,
        int maxInflight,
        Duration connectTimeout) {

    public FleetOptions {
        Objects.requireNonNull(brokerUri, "brokerUri");
        brokerUri = pahoUri(brokerUri);
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException(
                    "rate must be a finite number of messages/s >= 0 (0 = unlimited): " + ratePerSecond);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("qos must be 0 or 1: " + qos);
        }
        if (connections < 0) {
            throw new IllegalArgumentException("connections must be 0 (one per sensor) or more: " + connections);
        }
        if (publisherThreads < 1) {
            throw new IllegalArgumentException("publisherThreads must be at least 1: " + publisherThreads);
        }
        if (maxInflight < 1 || maxInflight > 65_535) {
            throw new IllegalArgumentException("maxInflight must be 1..65535: " + maxInflight);
        }
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /**
     * One connection per sensor, 10 msg/s, until stopped, QoS 1, mixed payloads, default faults,
     * Monaco time, one publisher thread, 1,000 messages in flight, 10 s connect timeout.
     */
    public static FleetOptions defaults(String brokerUri) {
        return new FleetOptions(brokerUri, 10, null, 1, 0, 1, PayloadFormat.MIXED, 1, FaultRates.DEFAULT,
                ZoneId.of("Europe/Monaco"), Clock.systemUTC(), 1_000, Duration.ofSeconds(10));
    }

    public FleetOptions withRate(double perSecond) {
        return new FleetOptions(brokerUri, perSecond, duration, qos, connections, publisherThreads, format, seed,
                faults, zone, clock, maxInflight, connectTimeout);
    }

    public FleetOptions withDuration(Duration d) {
        return new FleetOptions(brokerUri, ratePerSecond, d, qos, connections, publisherThreads, format, seed,
                faults, zone, clock, maxInflight, connectTimeout);
    }

    public FleetOptions withQos(int q) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, q, connections, publisherThreads, format, seed,
                faults, zone, clock, maxInflight, connectTimeout);
    }

    /** 0 = one connection per sensor with its credentials; n = a shared anonymous pool. */
    public FleetOptions withConnections(int n) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, n, publisherThreads, format, seed,
                faults, zone, clock, maxInflight, connectTimeout);
    }

    public FleetOptions withPublisherThreads(int n) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, connections, n, format, seed,
                faults, zone, clock, maxInflight, connectTimeout);
    }

    public FleetOptions withFormat(PayloadFormat f) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, connections, publisherThreads, f, seed,
                faults, zone, clock, maxInflight, connectTimeout);
    }

    public FleetOptions withSeed(long s) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, connections, publisherThreads, format, s,
                faults, zone, clock, maxInflight, connectTimeout);
    }

    public FleetOptions withFaults(FaultRates f) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, connections, publisherThreads, format, seed,
                f, zone, clock, maxInflight, connectTimeout);
    }

    public FleetOptions withClock(Clock c) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, connections, publisherThreads, format, seed,
                faults, zone, c, maxInflight, connectTimeout);
    }

    public FleetOptions withMaxInflight(int n) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, connections, publisherThreads, format, seed,
                faults, zone, clock, n, connectTimeout);
    }

    public FleetOptions withConnectTimeout(Duration t) {
        return new FleetOptions(brokerUri, ratePerSecond, duration, qos, connections, publisherThreads, format, seed,
                faults, zone, clock, maxInflight, t);
    }

    /** Whether every sensor gets its own connection with its own credentials. */
    public boolean connectionPerSensor() {
        return connections == 0;
    }

    private static String pahoUri(String uri) {
        if (uri.startsWith("mqtt://")) {
            return "tcp://" + uri.substring("mqtt://".length());
        }
        if (uri.startsWith("mqtts://")) {
            return "ssl://" + uri.substring("mqtts://".length());
        }
        if (!uri.matches("(tcp|ssl|ws|wss)://.+")) {
            throw new IllegalArgumentException("broker URL '" + uri
                    + "' must start with tcp://, ssl://, ws://, wss://, mqtt:// or mqtts://");
        }
        return uri;
    }
}
