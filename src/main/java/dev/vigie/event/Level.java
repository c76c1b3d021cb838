package dev.vigie.event;

import java.util.Locale;
import java.util.Map;

/** Severity of a log line as its writer declared it, normalised across logging libraries. */
public enum Level {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    private static final Map<String, Level> ALIASES = Map.ofEntries(
            Map.entry("TRACE", TRACE), Map.entry("TRC", TRACE), Map.entry("FINEST", TRACE), Map.entry("FINER", TRACE),
            Map.entry("VERBOSE", TRACE), Map.entry("VRB", TRACE),
            Map.entry("DEBUG", DEBUG), Map.entry("DBG", DEBUG), Map.entry("FINE", DEBUG), Map.entry("DEBUG1", DEBUG),
            Map.entry("INFO", INFO), Map.entry("INF", INFO), Map.entry("INFORMATION", INFO), Map.entry("LOG", INFO),
            Map.entry("NOTICE", INFO), Map.entry("CONFIG", INFO), Map.entry("DETAIL", INFO), Map.entry("HINT", INFO),
            Map.entry("STATEMENT", INFO),
            Map.entry("WARN", WARN), Map.entry("WRN", WARN), Map.entry("WARNING", WARN),
            Map.entry("ERROR", ERROR), Map.entry("ERR", ERROR), Map.entry("SEVERE", ERROR),
            Map.entry("FATAL", FATAL), Map.entry("FTL", FATAL), Map.entry("CRITICAL", FATAL), Map.entry("CRIT", FATAL),
            Map.entry("PANIC", FATAL), Map.entry("EMERG", FATAL), Map.entry("ALERT", FATAL));

    /** The level a token names, ignoring case and a trailing colon, or {@code null} when it names none. */
    public static Level fromToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 12) {
            return null;
        }
        String t = token.endsWith(":") ? token.substring(0, token.length() - 1) : token;
        Level exact = ALIASES.get(t);
        return exact != null ? exact : ALIASES.get(t.toUpperCase(Locale.ROOT));
    }

    public boolean isErrorOrWorse() {
        return compareTo(ERROR) >= 0;
    }
}
