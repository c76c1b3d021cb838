package dev.vigie.template;

import java.util.List;

/**
 * Splits a message into tokens and replaces the variable ones by {@code <*>} before matching:
 * numbers, hex and ids, IPs and ports, versions, times and dates, paths and URLs, UUIDs, e-mail
 * addresses, sizes and durations. A token keeps its constant parts: {@code uid=0} becomes
 * {@code uid=<*>}, {@code (dcr 0x0123)} keeps its brackets. Hand-written, one pass per token, because
 * it runs on every line.
 */
final class Masker {
    static final String WILDCARD = "<*>";
    /** Values that read like words. */
    private static final java.util.Set<String> LITERALS = DateRun.cases("true", "false", "null");

    private Masker() {
    }

    static List<String> tokens(String message) {
        return List.of(new Tokenizer().tokens(message));
    }

    /**
     * {@code s[from, to)} is a size unit ({@code B}, {@code KB} … {@code PB}, {@code kB}, {@code KiB}
     * … {@code TiB}) or an abbreviated unit of time ({@code ms s sec secs us µs ns min mins h hr hrs}),
     * with trailing punctuation; read in place, as it is asked of every word after a number. A unit
     * written as a word, such as {@code seconds}, stays a word of the template.
     */
    static boolean isUnit(CharSequence s, int from, int to) {
        while (to > from && isClosing(s.charAt(to - 1))) {
            to--;
        }
        int n = to - from;
        if (n == 0 || n > 4) {
            return false;
        }
        char a = s.charAt(from);
        char last = s.charAt(to - 1);
        if (last == 'B' && n <= 3) {
            if (n == 1) {
                return true;
            }
            boolean prefix = a == 'K' || a == 'M' || a == 'G' || a == 'T' || a == 'P' || a == 'k' && n == 2;
            return prefix && (n == 2 || s.charAt(from + 1) == 'i');
        }
        return switch (n) {
            case 1 -> a == 's' || a == 'h';
            case 2 -> last == 's' && (a == 'm' || a == 'u' || a == '\u00b5' || a == 'n') || a == 'h' && last == 'r';
            case 3 -> matches(s, from, "sec") || matches(s, from, "min") || matches(s, from, "hrs");
            default -> matches(s, from, "secs") || matches(s, from, "mins");
        };
    }

    private static boolean matches(CharSequence s, int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (s.charAt(from + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int unitLength(String t) {
        int n = t.length();
        while (n > 0 && isClosing(t.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    /** One whitespace-free token, masked. */
    static String mask(String token) {
        if (plainWord(token)) {
            return token; // the common case: a word
        }
        int from = 0;
        int to = token.length();
        while (from < to && isOpening(token.charAt(from))) {
            from++;
        }
        while (to > from && isClosing(token.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return token;
        }
        if (token.charAt(from) == '/') {
            while (to < token.length() && token.charAt(to) == '.') {
                to++; // a path may end with a dot
            }
        }
        String core = token.substring(from, to);
        String masked = maskCore(core);
        if (masked.equals(core)) {
            return token;
        }
        return token.substring(0, from) + masked + token.substring(to);
    }

    private static String maskCore(String core) {
        int dots = 0;
        int colons = 0;
        int digits = 0;
        boolean at = false;
        boolean underscore = false;
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                dots++;
            } else if (c == ':') {
                colons++;
            } else if (c == '@') {
                at = true;
            } else if (c == '_') {
                underscore = true;
            }
        }
        boolean url = colons > 0 && core.contains("://");
        boolean hostPort = colons > 0 && digits > 0 && Network.isHostPort(core);
        if (core.charAt(0) != '/' && !url && !hostPort) {
            int eq = keyEnd(core);
            if (eq > 0 && eq < core.length() - 1) {
                // key=value, key:value: the key stays, the value is masked as a token of its own
                return core.substring(0, eq + 1) + mask(core.substring(eq + 1));
            }
        }
        if (core.charAt(0) == '/' && core.length() > 1 || url || hostPort) {
            return WILDCARD;
        }
        if (digits == 0) {
            return at && isEmail(core) || dots > 0 && Network.isDomain(core) || maybeLiteral(core) && LITERALS.contains(core)
                    ? WILDCARD : core;
        }
        boolean address = dots >= 3 && digits >= 4;
        if (address && Network.endsWithAddress(core) || dots > 0 && Network.isDomain(core) || at && isEmail(core)
                || core.length() == 36 && isUuid(core) || underscore && isUnderscoreId(core) || numeric(core)) {
            return WILDCARD;
        }
        return maskWords(address ? Network.maskAddresses(core) : core);
    }

    private static boolean isEmail(String core) {
        int at = core.indexOf('@');
        return at > 0 && core.indexOf('.', at) > at + 1 && isLetter(core.charAt(core.length() - 1)); // user@host.domain
    }

    /** {@code blk_-4711}, {@code job_1445_0001}, {@code DFSClient_NONMAPREDUCE_1537_1}: an id in underscored parts. */
    private static boolean isUnderscoreId(String core) {
        for (int u = core.indexOf('_'); u > 0 && u + 1 < core.length(); u = core.indexOf('_', u + 1)) {
            int d = core.charAt(u + 1) == '-' ? u + 2 : u + 1;
            int digits = 0;
            while (d + digits < core.length() && isDigit(core.charAt(d + digits))) {
                digits++;
            }
            if (digits >= 3 || digits > 0 && d > u + 1) {
                return true;
            }
        }
        return false;
    }

    /** Numbers, hex and units between separators only: {@code 2.6.5-1.358}, {@code 07:07:00}, {@code 12ms}. */
    private static boolean numeric(String core) {
        int words = 0;
        int i = 0;
        int n = core.length();
        while (i < n) {
            if (isWordChar(core.charAt(i))) {
                int start = i;
                while (i < n && isWordChar(core.charAt(i))) {
                    i++;
                }
                words++;
                if (!(variableWord(core, start, i) || unit(core, start, i, words))) {
                    return false;
                }
            } else {
                i++;
            }
        }
        return true;
    }

    /** Where a leading {@code key=} or {@code key:} ends (a key starts with a letter), or -1. */
    private static int keyEnd(String core) {
        if (!isLetter(core.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < core.length(); i++) {
            char c = core.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
            if (!(isLetter(c) || isDigit(c) || c == '_' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** {@code 12ms}, {@code 3.5GB}: a number's unit, when a number came before it in the same core. */
    private static boolean unit(String s, int from, int to, int words) {
        if (words < 1) {
            return false;
        }
        int digits = from;
        while (digits < to && isDigit(s.charAt(digits))) {
            digits++;
        }
        if (digits == from && (from == 0 || !isDigit(s.charAt(from - 1)) && s.charAt(from - 1) != '.')) {
            return false;
        }
        int len = to - digits;
        if (len == 0 || len > 3) {
            return false;
        }
        String u = s.substring(digits, to).toLowerCase(java.util.Locale.ROOT);
        return switch (u) {
            case "ms", "s", "us", "ns", "m", "h", "d", "b", "k", "kb", "mb", "gb", "tb", "kib", "mib", "gib" -> digits > from
                    || from > 0 && s.charAt(from - 1) == '.';
            default -> false;
        };
    }

    /** Masks the variable words of a core that also has constant ones: {@code uid=0} → {@code uid=<*>}. */
    private static String maskWords(String core) {
        StringBuilder out = null;
        int n = core.length();
        int i = 0;
        int copied = 0;
        while (i < n) {
            if (!isWordChar(core.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordChar(core.charAt(i))) {
                i++;
            }
            if (variableWord(core, start, i)) {
                if (out == null) {
                    out = new StringBuilder(n + 8);
                }
                int valueStart = start;
                if (start > 0 && core.charAt(start - 1) == '-' && isDigit(core.charAt(start))
                        && (start == 1 || !isWordChar(core.charAt(start - 2)))) {
                    valueStart--; // a negative number
                }
                out.append(core, copied, valueStart).append(WILDCARD);
                copied = i;
            }
        }
        if (out == null) {
            return core;
        }
        out.append(core, copied, n);
        return collapse(out.toString());
    }

    /** {@code <*>.<*>} is one value (a decimal, a version, an address): written once. */
    private static String collapse(String s) {
        if (!s.contains("<*>.<*>") && !s.contains("<*><*>")) {
            return s;
        }
        String prev;
        do {
            prev = s;
            s = s.replace("<*>.<*>", WILDCARD).replace("<*><*>", WILDCARD);
        } while (!s.equals(prev));
        return s;
    }

    /** A number, a hex value (0x…, or 8+ hex digits with a digit), or a long mixed id. */
    private static boolean variableWord(String s, int from, int to) {
        int digits = 0;
        int hex = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                digits++;
            } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                hex++;
            }
        }
        int len = to - from;
        if (digits == len) {
            return true;
        }
        if (digits == 0) {
            return false;
        }
        if (digits == len - 1 && (s.charAt(from) == 'v' || s.charAt(from) == 'V')) {
            return true; // v2: a version
        }
        if (digits == len - 1) {
            int x = from;
            while (isDigit(s.charAt(x))) {
                x++;
            }
            if ((s.charAt(x) == 'x' || s.charAt(x) == 'X') && x > from && x < to - 1) {
                return true; // 80x25, 1920x1080
            }
        }
        if (len > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X') && digits + hex == len - 1) {
            return true;
        }
        return digits + hex == len && len >= 8;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** No digit, no path, address or dot, and not a literal such as {@code true}: nothing to mask. */
    private static boolean plainWord(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9' || c == '/' || c == '@' || c == '.' || c == '=') {
                return false;
            }
        }
        return !maybeLiteral(t);
    }

    static boolean maybeLiteral(String t) {
        return maybeLiteral(t, 0, t.length());
    }

    static boolean maybeLiteral(String s, int from, int to) {
        int n = to - from;
        return n >= 4 && n <= 8 && "tTfFnN".indexOf(s.charAt(from)) >= 0;
    }

    static boolean isOpening(char c) {
        return c == '(' || c == '[' || c == '{' || c == '\'' || c == '"' || c == '<' || c == '=' || c == '#' || c == ':';
    }

    static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '}' || c == '\'' || c == '"' || c == ',' || c == ';' || c == ':' || c == '.'
                || c == '>';
    }

    private static boolean isWordChar(char c) {
        return isDigit(c) || isLetter(c) || c == '_';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 0x7f && Character.isLetter(c);
    }
}
