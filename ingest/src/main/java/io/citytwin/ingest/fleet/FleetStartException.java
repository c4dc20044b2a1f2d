package io.citytwin.ingest.fleet;

/** A fleet that could not start: the message says which broker or sensor and why. */
public final class FleetStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why it could not start. */
    public enum Reason {
        /** Nothing answered at the broker address, or it timed out. */
        BROKER_UNREACHABLE,
        /** The broker refused a user name/password or the client id. */
        AUTH_REFUSED,
        /** Anything else the broker or client reported. */
        OTHER
    }

    private final Reason reason;

    public FleetStartException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
