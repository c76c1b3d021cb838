package dev.vigie.template;

/**
 * How a template token and a differing line token become one: the shared constant part around the
 * value is kept ({@code user=root} and {@code user=admin} give {@code user=<*>}, {@code 'sparkDriver'}
 * and {@code 'sparkExecutor'} give {@code '<*>'}), cut at punctuation so a word is never split.
 */
final class Generalizer {
    private Generalizer() {
    }

    /** The constant parts of a partly variable template token: {@code a<*>b<*>} gives {@code a, b, ""}. */
    static String[] segments(String template) {
        return template.split("<\\*>", -1);
    }

    /**
     * A partly variable template token such as {@code user=<*>} read against a line's token: the
     * token has the constant parts in order, with anything (or nothing) where the values are.
     */
    static boolean matches(String[] segments, String token) {
        return matches(segments, token, 0, token.length());
    }

    static boolean matches(String[] segments, String s, int from, int to) {
        String first = segments[0];
        String last = segments[segments.length - 1];
        if (to - from < first.length() + last.length() || !s.startsWith(first, from)
                || !s.startsWith(last, to - last.length())) {
            return false;
        }
        int at = from + first.length();
        int end = to - last.length();
        for (int k = 1; k < segments.length - 1; k++) {
            int found = s.indexOf(segments[k], at);
            if (found < 0 || found + segments[k].length() > end) {
                return false;
            }
            at = found + segments[k].length();
        }
        return true;
    }

    /**
     * The two tokens differ by a word only ({@code (reserved)} and {@code (usable)}, {@code user=root}
     * and {@code user=guest}): the part that differs is letters on both sides, with no value in it.
     */
    static boolean differByWords(String a, String b) {
        return !b.contains(Masker.WILDCARD) && differByWords(a, b, 0, b.length());
    }

    /** The same, for the token {@code b[from, to)}; no allocation, as it runs for every near match. */
    static boolean differByWords(String a, CharSequence b, int from, int to) {
        if (a.contains(Masker.WILDCARD)) {
            return false;
        }
        int la = a.length();
        int lb = to - from;
        int max = Math.min(la, lb);
        int p = 0;
        while (p < max && a.charAt(p) == b.charAt(from + p)) {
            p++;
        }
        while (p > 0 && !isBoundary(a.charAt(p - 1))) {
            p--;
        }
        int s = 0;
        while (s < max - p && a.charAt(la - 1 - s) == b.charAt(to - 1 - s)) {
            s++;
        }
        while (s > 0 && !isBoundary(a.charAt(la - s))) {
            s--;
        }
        if (la - s - p == 0 && lb - s - p == 0) {
            return false;
        }
        return wordly(a, p, la - s) && wordly(b, from + p, to - s);
    }

    /** Letters, {@code _ - .} only (or nothing): a word, not a value; a wildcard is not a word. */
    private static boolean wordly(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Masker.isLetter(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
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
        return (prefix + Masker.WILDCARD + suffix).replace("<*><*>", Masker.WILDCARD);
    }

    private static boolean isBoundary(char c) {
        return !(Character.isLetterOrDigit(c) || c == '_');
    }
}
