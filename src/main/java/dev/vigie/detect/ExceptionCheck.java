package dev.vigie.detect;

/** Events carrying an exception: a stack trace, a traceback, or an exception field. */
final class ExceptionCheck extends CountExcessCheck {
    ExceptionCheck() {
        super("exceptions", "exception", m -> m.exceptions);
    }
}
