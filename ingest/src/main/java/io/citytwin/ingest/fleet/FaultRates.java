package io.citytwin.ingest.fleet;

/**
 * How often a simulated sensor misbehaves, as the probability per message that a fault starts.
 *
 * @param stuck   the sensor repeats this message's values for the next 5-54 messages
 * @param dropout the sensor falls silent for the next 1-20 messages
 * @param spike   one quantity of this message is far outside its plausible range (ingest rejects
 *                the message as out of range)
 */
public record FaultRates(double stuck, double dropout, double spike) {

    /** About one message in 200 starts a fault. */
    public static final FaultRates DEFAULT = new FaultRates(0.002, 0.002, 0.001);

    /** A flawless fleet (load tests that count every message). */
    public static final FaultRates NONE = new FaultRates(0, 0, 0);

    public FaultRates {
        for (double p : new double[] {stuck, dropout, spike}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("fault rates are probabilities 0..1: " + p);
            }
        }
        if (stuck + dropout + spike > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
    }
}
