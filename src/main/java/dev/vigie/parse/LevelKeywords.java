package dev.vigie.parse;

import dev.vigie.event.Level;
import java.util.Locale;

/**
 * A level for lines that declare none (syslog, kernel), from the words they use. Words only guide:
 * a line that speaks of a failure is a warning, not an error, since "failed" is as often what a
 * message reports as what went wrong (a retry that failed over, a check for failures). Only the
 * kernel's own reports of a fatal event (a panic, the OOM killer, a segfault) are more.
 */
final class LevelKeywords {
    private static final String[] FATAL = {"kernel panic", "out of memory", "killed process", "oom-killer", "segfault"};
    private static final String[] WARN = {"error", "failed", "failure", "fatal", "refused", "exception", "warn", "warning",
            "deprecated"};

    private LevelKeywords() {
    }

    /**
     * The level the text writes as a word of its own ({@link TimeScan#level}); only a text that writes
     * none has one inferred from its words, and {@code level_inferred} says so in its fields.
     */
    static Level writtenOrInferred(String text, java.util.Map<String, String> fields) {
        Level written = TimeScan.level(text);
        if (written != null) {
            return written;
        }
        fields.put("level_inferred", "true");
        return infer(text);
    }

    static Level infer(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (any(lower, FATAL)) {
            return Level.FATAL;
        }
        return any(lower, WARN) ? Level.WARN : Level.INFO;
    }

    /** Whether one of the words occurs as a whole word (not "terrors" for "error"). */
    private static boolean any(String text, String[] words) {
        for (String w : words) {
            int at = text.indexOf(w);
            while (at >= 0) {
                int end = at + w.length();
                if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                    return true;
                }
                at = text.indexOf(w, at + 1);
            }
        }
        return false;
    }
}
