package io.citytwin.ingest.history.embedded;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded store's write-ahead log payload: per point a flag byte (bit 0: exercise), the
 * sensor id and the quantity's canonical name (each as {@link DataOutputStream#writeUTF}), the time
 * in epoch milliseconds and the value's IEEE 754 bits. District and kind are not kept: the embedded
 * store answers by sensor and quantity only.
 */
final class PointCodec {

    private static final int EXERCISE = 1;

    private PointCodec() {}

    static byte[] encode(List<HistoryRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 40);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (HistoryRecord r : records) {
                Reading reading = r.reading();
                out.writeByte(r.exercise() ? EXERCISE : 0);
                out.writeUTF(reading.sensorId());
                out.writeUTF(reading.quantity().canonicalName());
                out.writeLong(reading.timestampMillis());
                out.writeDouble(reading.value());
            }
        } catch (IOException e) {
            // A sensor id over 65,535 UTF-8 bytes; nothing else can fail in memory.
            throw new IllegalArgumentException("cannot encode history record: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a payload of {@code count} points.
     *
     * @throws IllegalArgumentException naming the point and the problem when the payload does not
     *     decode (an unknown quantity name, a non-finite value, or a length that does not match)
     */
    static List<HistoryPoint> decode(byte[] payload, int count) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        List<HistoryPoint> points = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                boolean exercise = (in.readByte() & EXERCISE) != 0;
                String sensor = in.readUTF();
                String name = in.readUTF();
                long time = in.readLong();
                double value = in.readDouble();
                Quantity quantity = Quantity.byName(name);
                if (quantity == null) {
                    throw new IllegalArgumentException("point " + i + ": unknown quantity '" + name + "'");
                }
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("point " + i + ": value is not finite: " + value);
                }
                points.add(new HistoryPoint(sensor, quantity, time, value, exercise));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes left after " + count + " points");
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException("payload ends inside point " + points.size() + " of " + count, e);
        } catch (IOException e) {
            // In-memory streams fail only on malformed modified UTF-8.
            throw new IllegalArgumentException("malformed text in point " + points.size() + ": " + e.getMessage(), e);
        }
        return points;
    }
}
