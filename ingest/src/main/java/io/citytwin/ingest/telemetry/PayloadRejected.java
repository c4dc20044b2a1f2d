package io.citytwin.ingest.telemetry;

/**
 * Internal control flow for the bad path: unwinds the streaming readers to the decoder, which turns
 * it into a {@link Rejection}. Stackless, so rejecting costs about as much as accepting.
 */
final class PayloadRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    PayloadRejected(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }

    Rejection toRejection() {
        return new Rejection(reason, getMessage());
    }
}
