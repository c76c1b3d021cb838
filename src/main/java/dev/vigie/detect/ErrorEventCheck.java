package dev.vigie.detect;

import dev.vigie.event.LogEvent;
import java.time.Duration;

/** Events logged at ERROR or FATAL. */
final class ErrorEventCheck extends WindowedCountCheck {
    @Override
    String name() {
        return "error_events";
    }

    @Override
    boolean matches(LogEvent event) {
        return event.level().isErrorOrWorse();
    }

    @Override
    String describe(String service, long count, Duration window) {
        return service + " logged " + count + " ERROR/FATAL event" + (count == 1 ? "" : "s")
                + " in " + window.toMinutes() + " min";
    }
}
