package dev.vigie.agent;

/** A model could not produce a usable analysis; the message says why, for the report and the UI. */
public final class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean transport;

    AnalysisException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param transport whether the model could not be reached at all (worth retrying), rather than answered badly */
    AnalysisException(String message, Throwable cause, boolean transport) {
        super(message, cause);
        this.transport = transport;
    }

    public boolean transport() {
        return transport;
    }
}
