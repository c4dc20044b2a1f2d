package io.citytwin.ingest.fleet;

import io.citytwin.twin.telemetry.Quantity;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a {@link Sample} as a telemetry payload. Values are written in canonical units (the
 * JSON-object form has no units; SenML records name the canonical unit), whole-number quantities
 * without a fraction. Pure functions; thread-safe.
 */
public final class Payloads {

    private Payloads() {
    }

    /** The payload of message number {@code sequence} of a sensor in {@code format}. */
    public static byte[] encode(PayloadFormat format, String sensorId, Sample sample, long sequence) {
        boolean senml = format == PayloadFormat.SENML || format == PayloadFormat.MIXED && (sequence & 1) == 1;
        return senml ? senml(sensorId, sample) : json(sample);
    }

    /** {@code {"ts":1763800000000,"pm25":35.2,"no2":41.0}}. */
    public static byte[] json(Sample sample) {
        StringBuilder b = new StringBuilder(24 + 20 * sample.size());
        b.append("{\"ts\":").append(sample.timestampMillis());
        for (int i = 0; i < sample.size(); i++) {
            Quantity q = sample.quantities().get(i);
            b.append(",\"").append(q.canonicalName()).append("\":");
            number(b, q, sample.values()[i]);
        }
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code [{"bn":"aq-001:","bt":1763800000.123,"n":"pm25","u":"ug/m3","v":35.2},{"n":"no2",...}]}:
     * base name = sensor id and a colon, so each record resolves to {@code aq-001:pm25}; base time
     * in seconds with the milliseconds written exactly.
     */
    public static byte[] senml(String sensorId, Sample sample) {
        StringBuilder b = new StringBuilder(48 + 44 * sample.size());
        long ts = sample.timestampMillis();
        b.append("[{\"bn\":\"").append(sensorId).append(":\",\"bt\":").append(Math.floorDiv(ts, 1000L)).append('.');
        long ms = Math.floorMod(ts, 1000L);
        b.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
        b.append(',');
        for (int i = 0; i < sample.size(); i++) {
            Quantity q = sample.quantities().get(i);
            if (i > 0) {
                b.append(",{");
            }
            b.append("\"n\":\"").append(q.canonicalName()).append("\",\"u\":\"").append(q.canonicalUnit())
                    .append("\",\"v\":");
            number(b, q, sample.values()[i]);
            b.append('}');
        }
        return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void number(StringBuilder b, Quantity q, double v) {
        if ((q.wholeNumber() || v == Math.rint(v)) && Math.abs(v) < 1e15) {
            b.append((long) v);
        } else {
            b.append(v);
        }
    }
}
