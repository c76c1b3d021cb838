package dev.vigie.detect;

import dev.vigie.event.LogEvent;
import java.time.Duration;

/** Events carrying an exception: a stack trace, a traceback, or an exception field. */
final class ExceptionCheck extends WindowedCountCheck {
    @Override
    String name() {
        return "exceptions";
    }

    @Override
    boolean matches(LogEvent event) {
        return event.hasException();
    }

    @Override
    String describe(String service, long count, Duration window) {
        return service + " logged " + count + " exception" + (count == 1 ? "" : "s")
                + " in " + window.toMinutes() + " min";
    }
}
