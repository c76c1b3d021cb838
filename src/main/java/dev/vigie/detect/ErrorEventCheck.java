package dev.vigie.detect;

import java.util.List;
import java.util.Map;

/** Events logged at ERROR or FATAL. */
final class ErrorEventCheck extends CountExcessCheck {
    @Override
    String name() {
        return "error_events";
    }

    @Override
    long count(Minute m) {
        return m.errors;
    }

    @Override
    Map<String, Long> templates(Minute m) {
        return m.errorTemplates;
    }

    @Override
    List<String> samples(Minute m) {
        return m.errorSamples;
    }

    @Override
    List<String> lines(Minute m) {
        return m.errorLines;
    }

    @Override
    String describe(String service, long count) {
        return service + " logged " + count + " ERROR/FATAL event" + (count == 1 ? "" : "s") + " in 1 min";
    }
}
