package io.citytwin.ingest.history.embedded;

/**
 * Index key: one point of one series. Ordered by sensor, quantity name, then time, so a series is
 * one contiguous, time-ordered run of the B-tree and a range read touches only the keys it returns.
 * The quantity is kept by canonical name (not enum position) so the file outlives enum reordering.
 */
record SeriesKey(String sensorId, String quantity, long timeMillis) implements Comparable<SeriesKey> {

    @Override
    public int compareTo(SeriesKey o) {
        int c = sensorId.compareTo(o.sensorId);
        if (c != 0) {
            return c;
        }
        c = quantity.compareTo(o.quantity);
        return c != 0 ? c : Long.compare(timeMillis, o.timeMillis);
    }

    /** Whether both keys belong to the same series. */
    boolean sameSeries(SeriesKey o) {
        return sensorId.equals(o.sensorId) && quantity.equals(o.quantity);
    }
}
