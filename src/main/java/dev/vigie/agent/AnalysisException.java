package dev.vigie.agent;

/** A model could not produce a usable analysis; the message says why, for the report and the UI. */
public final class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
