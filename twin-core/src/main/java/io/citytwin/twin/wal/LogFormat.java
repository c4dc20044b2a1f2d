package io.citytwin.twin.wal;

/**
 * What the frames of a log carry. Every segment header records it, so a directory is never read as
 * the wrong kind of log (for instance an InfluxDB spool pointed at the embedded store's directory).
 */
public enum LogFormat {
    /** Binary history points: the embedded store's write-ahead log. */
    HISTORY_POINTS(1),
    /** InfluxDB line protocol with millisecond timestamps: the InfluxDB spool. */
    LINE_PROTOCOL(2),
    /** Incident and task events, one JSON document per frame: the incident journal. */
    INCIDENT_EVENTS(3);

    private final int id;

    LogFormat(int id) {
        this.id = id;
    }

    int id() {
        return id;
    }

    static LogFormat byId(int id) {
        for (LogFormat f : values()) {
            if (f.id == id) {
                return f;
            }
        }
        return null;
    }
}
