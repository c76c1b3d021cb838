package dev.vigie.detect;

import java.util.List;
import java.util.Map;

/** Events carrying an exception: a stack trace, a traceback, or an exception field. */
final class ExceptionCheck extends CountExcessCheck {
    @Override
    String name() {
        return "exceptions";
    }

    @Override
    long count(Minute m) {
        return m.exceptions;
    }

    @Override
    Map<String, Long> templates(Minute m) {
        return m.exceptionTemplates;
    }

    @Override
    List<String> samples(Minute m) {
        return m.exceptionSamples;
    }

    @Override
    List<String> lines(Minute m) {
        return m.exceptionLines;
    }

    @Override
    String describe(String service, long count) {
        return service + " logged " + count + " exception" + (count == 1 ? "" : "s") + " in 1 min";
    }
}
