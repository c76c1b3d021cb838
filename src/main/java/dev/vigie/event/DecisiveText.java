package dev.vigie.event;

import java.util.regex.Pattern;

/**
 * Lines that say, alone, that something has just failed hard: a panic (Go's, at the start of the
 * line; a kernel's anywhere), a kill for memory, a
 * segmentation fault, a core dump, a process that exited abnormally. With a FATAL level (or
 * CRITICAL, EMERG…), they are decisive: one is enough to raise an anomaly, at once.
 */
public final class DecisiveText {
    private static final Pattern TEXT = Pattern.compile(
            "(?i)^(?:panic: |fatal error: )|(?:^|[^\\w])(?:kernel panic|out of memory: kill(?:ed)? process|invoked oom-killer|oom-kill"
                    + "|segfault at |sigsegv|sigbus|core dumped|exited abnormally|main process exited, code=(?:killed|dumped)"
                    + "|exited with (?:exit )?code (?:13[4-9]|1[0-2][0-9]|[1-9][0-9]?)\\b)");

    private DecisiveText() {
    }

    /**
     * Words one of which every match of {@link #TEXT} contains, looked for first in the lowered
     * line: a search for a word is cheap, a case-insensitive alternation at every position is not
     * (about 12 µs on a 150-character line), and this runs for every line.
     */
    private static final String[] TEXT_WORDS = {"panic", "fatal error", "out of memory", "oom-kill", "segfault", "sigsegv",
        "sigbus", "core dumped", "exited abnormally", "main process exited", "exited with"};

    /** Whether the text alone says something failed hard (case-insensitive; the level is not read here). */
    public static boolean says(CharSequence text) {
        return says(text, text.toString().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean says(CharSequence text, String lower) {
        return any(lower, TEXT_WORDS) && TEXT.matcher(text).find();
    }

    private static final Pattern LEVEL_WORD = Pattern.compile(
            "\\b(?:FATAL|CRITICAL|CRIT|EMERG|ALERT|PANIC)\\b|\"(?:level|severity)\"\\s*:\\s*\"(?i:fatal|critical|emerg|alert|panic)\"");
    /** The same for {@link #LEVEL_WORD}: each of its matches holds one of these, once lowered. */
    private static final String[] LEVEL_WORDS = {"fatal", "crit", "emerg", "alert", "panic"};

    /** Whether a raw line, not parsed yet, may be decisive once parsed: a FATAL-like level word, or decisive text. */
    public static boolean mayBe(CharSequence rawLine) {
        String lower = rawLine.toString().toLowerCase(java.util.Locale.ROOT);
        return any(lower, LEVEL_WORDS) && LEVEL_WORD.matcher(rawLine).find() || says(rawLine, lower);
    }

    private static boolean any(String lower, String[] words) {
        for (String word : words) {
            if (lower.indexOf(word) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line written at this level, saying this, is decisive. */
    public static boolean decisive(Level level, CharSequence text) {
        return level == Level.FATAL || says(text);
    }
}
