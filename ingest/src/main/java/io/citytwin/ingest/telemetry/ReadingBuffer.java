package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Reading;

import java.util.Arrays;
import java.util.List;

/** Collects one message's readings in parallel arrays; {@link Reading}s are built only on success. */
final class ReadingBuffer {

    private Quantity[] quantities = new Quantity[4];
    private double[] values = new double[4];
    private long[] times = new long[4];
    private Position[] positions;
    private int size;

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    void add(Quantity quantity, double value, long timeMillis) {
        if (size == quantities.length) {
            int capacity = size * 2;
            quantities = Arrays.copyOf(quantities, capacity);
            values = Arrays.copyOf(values, capacity);
            times = Arrays.copyOf(times, capacity);
            if (positions != null) {
                positions = Arrays.copyOf(positions, capacity);
            }
        }
        quantities[size] = quantity;
        values[size] = value;
        times[size] = timeMillis;
        size++;
    }

    void setAllTimes(long timeMillis) {
        Arrays.fill(times, 0, size, timeMillis);
    }

    void setPosition(int i, Position position) {
        if (positions == null) {
            positions = new Position[quantities.length];
        }
        positions[i] = position;
    }

    List<Reading> toReadings(String sensorId) {
        Reading[] readings = new Reading[size];
        for (int i = 0; i < size; i++) {
            readings[i] = new Reading(sensorId, quantities[i], values[i], times[i],
                    positions == null ? null : positions[i]);
        }
        return List.of(readings);
    }
}
