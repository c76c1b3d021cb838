package dev.vigie.parse;

import dev.vigie.event.Level;
import java.util.regex.Pattern;

/** A level for lines that declare none (syslog, kernel), from the words they use. */
final class LevelKeywords {
    private static final Pattern FATAL = Pattern.compile(
            "(?i)\\b(kernel panic|out of memory|killed process|oom-killer|segfault)\\b");
    private static final Pattern ERROR = Pattern.compile("(?i)\\b(error|failed|failure|fatal|refused|exception)\\b");
    private static final Pattern WARN = Pattern.compile("(?i)\\b(warn|warning|deprecated)\\b");

    private LevelKeywords() {
    }

    static Level infer(String message) {
        if (FATAL.matcher(message).find()) {
            return Level.FATAL;
        }
        if (ERROR.matcher(message).find()) {
            return Level.ERROR;
        }
        return WARN.matcher(message).find() ? Level.WARN : Level.INFO;
    }
}
