package io.citytwin.ingest.history.influx;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.twin.telemetry.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The InfluxDB 1.x HTTP API as the history store uses it, through influxdb-java's synchronous
 * calls only (its asynchronous batching drops the oldest points when its buffer fills; the spool
 * does the buffering instead). Thread-safe; every method blocks for one HTTP request.
 */
final class InfluxConnection implements AutoCloseable {

    /** InfluxDB's time range, -2^63+2 .. 2^63-2 ns, in milliseconds. */
    private static final long MIN_MILLIS = -9_223_372_036_854L;
    private static final long MAX_MILLIS = 9_223_372_036_854L;

    private final InfluxDB influx;
    private final String database;

    InfluxConnection(InfluxHistoryOptions options) {
        long timeoutMillis = options.requestTimeout().toMillis();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                // The spool sender retries with back-off; a silent client-side retry would only hide it.
                .retryOnConnectionFailure(false);
        String url = options.url().toString();
        this.influx = options.username() == null
                ? InfluxDBFactory.connect(url, http)
                : InfluxDBFactory.connect(url, options.username(), options.password(), http);
        this.database = options.database();
    }

    /** {@code CREATE DATABASE}, which InfluxDB 1.x treats as a no-op when it exists. */
    void createDatabase() {
        QueryResult result = influx.query(new Query("CREATE DATABASE " + identifier(database)));
        String error = error(result);
        if (error != null) {
            throw new InfluxDBException("CREATE DATABASE " + database + " failed: " + error);
        }
    }

    /**
     * Writes line-protocol lines with millisecond timestamps.
     *
     * @throws InfluxDBException as influxdb-java classifies the failure: an {@code InfluxDBIOException}
     *     when the server cannot be reached or times out, a specific subclass for a refused write
     */
    void write(String lines) {
        influx.write(database, null, InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, lines);
    }

    /** Reads history back; a database that does not exist yet has no history. */
    List<HistoryPoint> query(HistoryQuery q) {
        List<Quantity> quantities = q.quantity() == null ? List.of(Quantity.values()) : List.of(q.quantity());
        StringBuilder from = new StringBuilder();
        for (Quantity quantity : quantities) {
            from.append(from.length() == 0 ? "" : ",").append(identifier(quantity.canonicalName()));
        }
        // Identifiers are quoted, values bound: a sensor id can never change the statement. LIMIT
        // applies per measurement; the merge below cuts the total.
        Query query = BoundParameterQuery.QueryBuilder.newQuery("SELECT \"value\", \"exercise\" FROM " + from
                        + " WHERE \"sensor\" = $sensor AND time >= $from AND time <= $to ORDER BY time ASC LIMIT "
                        + q.limit())
                .forDatabase(database)
                .bind("sensor", q.sensorId())
                .bind("from", nanos(q.fromMillis()))
                .bind("to", nanos(q.toMillis()))
                .create();
        QueryResult result = influx.query(query, TimeUnit.MILLISECONDS);
        String error = error(result);
        if (error != null) {
            if (error.startsWith("database not found")) {
                return List.of();
            }
            throw new InfluxDBException("history query for sensor " + q.sensorId() + " failed: " + error);
        }
        return points(q, result);
    }

    private static List<HistoryPoint> points(HistoryQuery q, QueryResult result) {
        List<HistoryPoint> points = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : r.getSeries()) {
                Quantity quantity = Quantity.byName(series.getName());
                int time = series.getColumns().indexOf("time");
                int value = series.getColumns().indexOf("value");
                int exercise = series.getColumns().indexOf("exercise");
                for (List<Object> row : series.getValues()) {
                    if (row.get(value) == null) {
                        continue;
                    }
                    points.add(new HistoryPoint(q.sensorId(), quantity, ((Number) row.get(time)).longValue(),
                            ((Number) row.get(value)).doubleValue(), "true".equals(row.get(exercise))));
                }
            }
        }
        points.sort(Comparator.comparingLong(HistoryPoint::timestampMillis)
                .thenComparing(p -> p.quantity().canonicalName()));
        return points.size() > q.limit() ? List.copyOf(points.subList(0, q.limit())) : points;
    }

    private static String error(QueryResult result) {
        if (result.getError() != null) {
            return result.getError();
        }
        if (result.getResults() != null) {
            for (QueryResult.Result r : result.getResults()) {
                if (r.getError() != null) {
                    return r.getError();
                }
            }
        }
        return null;
    }

    private static long nanos(long millis) {
        return Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, millis)) * 1_000_000L;
    }

    /** An InfluxQL double-quoted identifier. */
    static String identifier(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public void close() {
        influx.close();
    }
}
