package dev.vigie.template;

import java.util.List;
import java.util.regex.Pattern;

/** Replaces the variable parts of a message (UUIDs, IPs, hex, ids, numbers) by {@code <*>}. */
final class Masker {
    static final String WILDCARD = "<*>";
    private static final String WILDCARD_REPLACEMENT = java.util.regex.Matcher.quoteReplacement(WILDCARD);

    private static final List<Pattern> VARIABLES = List.of(
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
            Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?\\b"),
            Pattern.compile("\\b0x[0-9a-fA-F]+\\b"),
            // hex ids: long runs of hex digits with at least one digit and one letter
            Pattern.compile("\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b"),
            Pattern.compile("\\d+(?:\\.\\d+)?"));
    private static final Pattern RUNS = Pattern.compile("<\\*>(?:[.:,/\\-]?<\\*>)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Masker() {
    }

    static String mask(String message) {
        String s = message;
        for (Pattern p : VARIABLES) {
            s = p.matcher(s).replaceAll(WILDCARD_REPLACEMENT);
        }
        s = RUNS.matcher(s).replaceAll(WILDCARD_REPLACEMENT);
        return SPACES.matcher(s.strip()).replaceAll(" ");
    }
}
