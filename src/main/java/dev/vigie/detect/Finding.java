package dev.vigie.detect;

import dev.vigie.event.Severity;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a metric check says of one point: how bad, how sure, the numbers and the sentence. The
 * sentence is written only when asked for: an abnormal stretch has many findings and reports one.
 */
record Finding(String check, Severity severity, double score, Supplier<String> sentence, Map<String, Object> evidence) {
    String text() {
        return sentence.get();
    }
}
