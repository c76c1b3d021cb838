package dev.vigie.parse;

import dev.vigie.event.Level;
import java.util.Locale;

/** A level for lines that declare none (syslog, kernel), from the words they use. */
final class LevelKeywords {
    private static final String[] FATAL = {"kernel panic", "out of memory", "killed process", "oom-killer", "segfault"};
    private static final String[] ERROR = {"error", "failed", "failure", "fatal", "refused", "exception"};
    private static final String[] WARN = {"warn", "warning", "deprecated"};

    private LevelKeywords() {
    }

    static Level infer(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (any(lower, FATAL)) {
            return Level.FATAL;
        }
        if (any(lower, ERROR)) {
            return Level.ERROR;
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
