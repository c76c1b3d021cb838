package dev.vigie.detect;

/** Events logged at ERROR or FATAL. */
final class ErrorEventCheck extends CountExcessCheck {
    ErrorEventCheck() {
        super("error_events", "ERROR/FATAL event", m -> m.errors);
    }
}
