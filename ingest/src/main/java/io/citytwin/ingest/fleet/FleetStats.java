package io.citytwin.ingest.fleet;

import java.time.Duration;

/**
 * What a fleet has done so far.
 *
 * @param sent      messages handed to the MQTT client
 * @param delivered messages the broker acknowledged (QoS 1) or that were written to the socket
 *                  (QoS 0); after a clean stop equal to {@code sent} minus failures
 * @param errors    publishes that failed (not connected, connection lost before the ack)
 * @param dropouts  messages not sent because the sensor was simulating a dropout
 * @param faulty    messages sent with a stuck or out-of-range value
 * @param elapsed   time since publishing started
 */
public record FleetStats(long sent, long delivered, long errors, long dropouts, long faulty, Duration elapsed) {

    /** Mean rate of sent messages per second over {@link #elapsed}. */
    public double meanRate() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : sent / s;
    }
}
