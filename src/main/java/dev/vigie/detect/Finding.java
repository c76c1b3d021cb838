package dev.vigie.detect;

import dev.vigie.event.Severity;
import java.util.Map;

/** What a metric check says of one point: how bad, how sure, the sentence and the numbers. */
record Finding(String check, Severity severity, double score, String text, Map<String, Object> evidence) {
}
