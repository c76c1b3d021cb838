package dev.vigie.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How much a raw log line counts as evidence, from the severity it shows in any common format: a
 * fatal or error line counts fully, a warning a little less, routine lines little. A continuation
 * line (a stack frame, a "Caused by", an indented detail) counts as the line it continues.
 */
final class LineLevels {
    static final double FATAL = 1.2;
    static final double ERROR = 1.0;
    static final double WARN = 0.8;
    static final double PLAIN = 0.5;
    static final double ROUTINE = 0.3;

    private static final Pattern FATAL_WORDS = Pattern.compile("(?i)\\b(fatal|crit(ical)?|panic|emerg(ency)?|alert)\\b|\\[crit\\]");
    private static final Pattern ERROR_WORDS = Pattern.compile(
            "(?i)\\b(error|err|severe|failed|failure)\\b|level=error|\"level(name)?\": ?\"error\"|\\bE\\d{4} |<(3|11|27|19)>");
    private static final Pattern WARN_WORDS = Pattern.compile("(?i)\\b(warn(ing)?|wrn)\\b|\\bW\\d{4} ");
    private static final Pattern ROUTINE_WORDS = Pattern.compile("(?i)\\b(info|inf|notice|debug|dbg|trace)\\b|\\bI\\d{4} |\\bNormal\\b");
    private static final Pattern CONTINUATION = Pattern.compile("^(\\s|at |Caused by|Traceback|\\.\\.\\.|Suppressed:|[A-Za-z_.$]+(Error|Exception)\\b)");
    private static final Pattern ACCESS_STATUS = Pattern.compile("\" ([1-5])\\d\\d \\d+");

    private LineLevels() {
    }

    static List<Evidence> of(List<String> lines) {
        List<Evidence> out = new ArrayList<>(lines.size());
        double previous = PLAIN;
        int record = -1;
        for (String line : lines) {
            boolean continues = CONTINUATION.matcher(line).find() && !out.isEmpty();
            double w = continues ? Math.max(previous, level(line)) : level(line);
            record += continues ? 0 : 1;
            out.add(new Evidence(line, w, record));
            previous = w;
        }
        return out;
    }

    static double level(String line) {
        var status = ACCESS_STATUS.matcher(line);
        if (status.find()) {
            return switch (status.group(1)) {
                case "5" -> 0.9;
                case "4" -> 0.6;
                default -> 0.2;
            };
        }
        if (FATAL_WORDS.matcher(line).find()) {
            return FATAL;
        }
        if (ERROR_WORDS.matcher(line).find()) {
            return ERROR;
        }
        if (WARN_WORDS.matcher(line).find()) {
            return WARN;
        }
        return ROUTINE_WORDS.matcher(line).find() ? ROUTINE : PLAIN;
    }
}
