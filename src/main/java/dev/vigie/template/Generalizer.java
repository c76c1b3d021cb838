package dev.vigie.template;

/**
 * How a template token and a differing line token become one: the shared constant part around the
 * value is kept ({@code user=root} and {@code user=admin} give {@code user=<*>}, {@code 'sparkDriver'}
 * and {@code 'sparkExecutor'} give {@code '<*>'}), cut at punctuation so a word is never split.
 */
final class Generalizer {
    private Generalizer() {
    }

    /** A partly variable template token such as {@code user=<*>} read against a line's token. */
    static boolean matches(String template, String token) {
        int w = template.indexOf(Masker.WILDCARD);
        if (w < 0 || template.length() == Masker.WILDCARD.length()) {
            return false;
        }
        if (template.indexOf(Masker.WILDCARD, w + 1) >= 0) {
            return false; // several values in one token: only equal tokens match
        }
        String prefix = template.substring(0, w);
        String suffix = template.substring(w + Masker.WILDCARD.length());
        return token.length() > prefix.length() + suffix.length() && token.startsWith(prefix) && token.endsWith(suffix);
    }

    /**
     * The two tokens differ by a word only ({@code (reserved)} and {@code (usable)}, {@code user=root}
     * and {@code user=guest}): the part that differs is letters on both sides, with no value in it.
     */
    static boolean differByWords(String a, String b) {
        if (a.contains(Masker.WILDCARD) || b.contains(Masker.WILDCARD)) {
            return false;
        }
        int[] ps = shared(a, b);
        String da = a.substring(ps[0], a.length() - ps[1]);
        String db = b.substring(ps[0], b.length() - ps[1]);
        return (Masker.isWord(da) || da.isEmpty()) && (Masker.isWord(db) || db.isEmpty()) && !(da.isEmpty() && db.isEmpty());
    }

    /** Lengths of the shared prefix and suffix of two tokens, each ending at punctuation. */
    private static int[] shared(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int p = 0;
        while (p < max && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        while (p > 0 && !isBoundary(a.charAt(p - 1))) {
            p--;
        }
        int s = 0;
        while (s < max - p && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
            s++;
        }
        while (s > 0 && !isBoundary(a.charAt(a.length() - s))) {
            s--;
        }
        return new int[] {p, s};
    }

    static String merge(String a, String b) {
        if (a.equals(Masker.WILDCARD) || b.equals(Masker.WILDCARD)) {
            return Masker.WILDCARD;
        }
        int[] ps = shared(a, b);
        int p = ps[0];
        int s = ps[1];
        String prefix = a.substring(0, p);
        String suffix = a.substring(a.length() - s);
        if (prefix.endsWith("<") || prefix.endsWith("<*") || suffix.startsWith(">") || suffix.startsWith("*>")) {
            return Masker.WILDCARD; // never keep half of a wildcard
        }
        return prefix + Masker.WILDCARD + suffix;
    }

    private static boolean isBoundary(char c) {
        return !(Character.isLetterOrDigit(c) || c == '_');
    }
}
