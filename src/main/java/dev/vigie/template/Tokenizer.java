package dev.vigie.template;

/**
 * Reads one message at a time into masked tokens, for one miner (not thread-safe). Most tokens are
 * plain words with nothing to mask: they are only scanned and hashed, and become strings only when
 * a cluster needs their text. A token is compared by a 64-bit hash of its masked text.
 */
final class Tokenizer {
    private static final long BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final byte SPACE = 1;
    private static final byte DIGIT = 2;
    /** Characters that make a token worth masking: {@code / @ . =}. */
    private static final byte VALUE = 4;
    private static final byte LETTER = 8;
    private static final byte OTHER = 16;
    private static final byte QUOTE = 32;
    private static final byte[] CLASSES = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            CLASSES[c] = c <= ' ' ? SPACE : c >= '0' && c <= '9' ? DIGIT : c == '/' || c == '@' || c == '.' || c == '=' ? VALUE
                    : c == '"' ? QUOTE
                    : c >= 'A' || c == '_' ? LETTER : OTHER;
        }
    }
    static final long WILDCARD_HASH = hash(Masker.WILDCARD);

    private String message;
    private char[] chars = new char[256];
    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private long[] hashes = new long[32];
    /** The masked text of a token, or null for a plain word not made into a string yet. */
    private String[] texts = new String[32];
    /** The token's text is already masked. */
    private boolean[] masks = new boolean[32];
    private long[] shapes = new long[32];
    private final MaskCache cache = new MaskCache();

    void read(String message) {
        this.message = message;
        int n = 0;
        boolean sawTime = false;
        boolean quotes = false;
        boolean lists = false;
        int len = message.length();
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        char[] buf = chars;
        message.getChars(0, len, buf, 0); // one bulk copy; the scan below then reads an array
        int i = 0;
        while (i < len) {
            while (i < len && isSpace(buf[i])) {
                i++;
            }
            if (i == len) {
                break;
            }
            int start = i;
            // one pass: the shape hash (digit runs by length), and what the token holds
            long h = BASIS;
            int run = 0;
            boolean zero = false;
            int kinds = 0;
            while (i < len) {
                char c = buf[i];
                int k = c < 128 ? CLASSES[c] : Character.isWhitespace(c) ? SPACE : LETTER;
                if (k == SPACE) {
                    break;
                }
                kinds |= k;
                if (k == DIGIT) {
                    zero = run == 0 && c == '0';
                    run++;
                } else {
                    if (run > 0) {
                        h = mixRun(h, run, zero);
                        run = 0;
                    }
                    h = step(h, c);
                }
                i++;
            }
            if (run > 0) {
                h = mixRun(h, run, zero);
            }
            quotes |= (kinds & QUOTE) != 0;
            lists |= buf[i - 1] == ',' && (buf[start] == '[' || buf[start] == '(' || buf[start] == '{');
            boolean plain = (kinds & (DIGIT | VALUE)) == 0;
            boolean letters = (kinds & LETTER) != 0;
            if (n == starts.length) {
                grow();
            }
            starts[n] = start;
            ends[n] = i;
            if (plain && !maybeLiteral(buf, start, i)) {
                hashes[n] = h;
                texts[n] = null;
                masks[n] = false;
            } else {
                long shape = h;
                shapes[n] = shape;
                int slot = cache.find(shape);
                sawTime |= !plain && i - start >= 4 && timeLike(buf, start, i);
                if (slot >= 0) {
                    texts[n] = cache.text(slot);
                    hashes[n] = cache.hash(slot);
                    masks[n] = true;
                } else if (!letters && number(buf, start, i, n)) {
                    cache.put(shape, texts[n], hashes[n]);
                } else {
                    texts[n] = message.substring(start, i); // masked below
                    masks[n] = false;
                }
            }
            n++;
        }
        count = n;
        if (quotes) {
            collapseQuotes();
        }
        if (sawTime) {
            collapseDates();
        }
        maskValues();
        if (lists) {
            joinLists();
        }
    }

    /**
     * Free text in double quotes that spans several tokens ({@code error="dial tcp …: connection
     * refused"}, a user agent) is one value: {@code error="<*>"}. A quoted single word is a name and
     * stays.
     */
    private void collapseQuotes() {
        int w = 0;
        for (int k = 0; k < count; k++) {
            starts[w] = starts[k];
            ends[w] = ends[k];
            hashes[w] = hashes[k];
            texts[w] = texts[k];
            masks[w] = masks[k];
            shapes[w] = shapes[k];
            int open = oddQuote(k);
            int close = -1;
            if (open >= 0) {
                for (int j = k + 1; j < count && close < 0; j++) {
                    close = firstQuote(j) >= 0 ? j : -1;
                }
            }
            if (close > k && httpMethod(open + 1, ends[k])) {
                // "GET /path HTTP/1.1": the method is what the request does, the rest is its value
                String masked = Masker.WILDCARD + message.substring(firstQuote(close), ends[close]);
                int from = starts[k + 1];
                int to = ends[close];
                w++;
                starts[w] = from;
                ends[w] = to;
                texts[w] = masked;
                hashes[w] = hash(masked);
                masks[w] = true;
                k = close;
            } else if (close > k) {
                int closeAt = firstQuote(close);
                String masked = message.substring(starts[k], open + 1) + Masker.WILDCARD + message.substring(closeAt, ends[close]);
                texts[w] = masked;
                hashes[w] = hash(masked);
                masks[w] = true;
                ends[w] = ends[close];
                k = close;
            }
            w++;
        }
        count = w;
    }

    /** The methods of HTTP (RFC 9110 and PATCH): a request line's first word. */
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
            "OPTIONS", "TRACE", "PATCH");

    private boolean httpMethod(int from, int to) {
        return to - from >= 3 && to - from <= 7 && METHODS.contains(message.substring(from, to));
    }

    /** The position of the last quote of token {@code k} if it has an odd number of them (a string opens), or -1. */
    private int oddQuote(int k) {
        int last = -1;
        int n = 0;
        for (int i = starts[k]; i < ends[k]; i++) {
            if (chars[i] == '"') {
                n++;
                last = i;
            }
        }
        return n % 2 == 1 ? last : -1;
    }

    private int firstQuote(int k) {
        for (int i = starts[k]; i < ends[k]; i++) {
            if (chars[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * A token without letters whose core (inside brackets and punctuation) holds a digit is one
     * value: {@code 42}, {@code (10.0.0.1:80)}, {@code 07:07:00,} — the quick form of {@link Masker#mask}.
     */
    private boolean number(char[] buf, int start, int end, int n) {
        int from = start;
        int to = end;
        while (from < to && Masker.isOpening(buf[from])) {
            from++;
        }
        while (to > from && Masker.isClosing(buf[to - 1])) {
            to--;
        }
        boolean digit = false;
        for (int k = from; k < to && !digit; k++) {
            digit = buf[k] >= '0' && buf[k] <= '9';
        }
        if (!digit || buf[from] == '/') {
            return false; // punctuation only, or a path: the full masker decides
        }
        if (comparator(buf, start, from) && to == end) {
            from = start; // <1, <=5: a bound is a value like the number itself
        }
        String masked = from == start && to == end ? Masker.WILDCARD
                : message.substring(start, from) + Masker.WILDCARD + message.substring(to, end);
        texts[n] = masked;
        hashes[n] = masked == Masker.WILDCARD ? WILDCARD_HASH : hash(masked);
        masks[n] = true;
        return true;
    }

    /**
     * Masks the tokens that may hold values, in place. A quantity is one value whatever its token
     * count: a number and its unit ({@code 17.2 KB,}, {@code 160 ms}, {@code <1 sec}) become one token,
     * and a copy of it in other units in brackets right after it ({@code 1190 bytes (1.16 KB)}) is
     * folded into it, so a line that writes the copy and one that does not are the same event.
     */
    private void maskValues() {
        int w = 0;
        for (int k = 0; k < count; k++) {
            starts[w] = starts[k];
            ends[w] = ends[k];
            String raw = texts[k];
            if (raw == null) {
                hashes[w] = hashes[k];
                texts[w] = null;
                masks[w] = false;
                w++;
                continue;
            }
            String masked = masks[k] || raw == Masker.WILDCARD ? raw : Masker.mask(raw);
            long hash = masks[k] ? hashes[k] : masked == Masker.WILDCARD ? WILDCARD_HASH : hash(masked);
            if (!masks[k] && raw != Masker.WILDCARD) {
                cache.put(shapes[k], masked, hash);
            }
            if (endsWithValue(masked) && k + 1 < count && unit(k + 1)) {
                String unit = text(k + 1);
                masked = masked + unit.substring(Masker.unitLength(unit));
                hash = masked.equals(Masker.WILDCARD) ? WILDCARD_HASH : hash(masked);
                ends[w] = ends[++k];
                if (masked.startsWith("(<*>)") && copiesPrevious(w)) {
                    String rest = masked.substring(5);
                    if (!rest.isEmpty()) {
                        texts[w - 1] = text(w - 1) + rest; // the copy's trailing comma stays with the value
                        hashes[w - 1] = hash(texts[w - 1]);
                        masks[w - 1] = false;
                    }
                    ends[w - 1] = ends[w];
                    continue;
                }
            }
            texts[w] = masked;
            hashes[w] = hash;
            masks[w] = false;
            w++;
        }
        count = w;
    }

    /** {@code <}, {@code <=}, {@code >=}: a bound before a number. */
    private static boolean comparator(char[] buf, int from, int to) {
        if (to == from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (buf[i] != '<' && buf[i] != '=' && buf[i] != '>') {
                return false;
            }
        }
        return true;
    }

    /** The token is a value, maybe after opening brackets: {@code <*>}, {@code (<*>}. */
    private static boolean endsWithValue(String masked) {
        if (masked == Masker.WILDCARD) {
            return true; // the common case, a number
        }
        int n = masked.length();
        if (n < 4 || masked.charAt(n - 1) != '>' || !masked.endsWith(Masker.WILDCARD)) {
            return false;
        }
        for (int i = 0; i < n - Masker.WILDCARD.length(); i++) {
            if (masked.charAt(i) != '(' && masked.charAt(i) != '[') {
                return false;
            }
        }
        return true;
    }

    /** The token before {@code w} is a value, or a unit word after one ({@code 1190 bytes}). */
    private boolean copiesPrevious(int w) {
        return w >= 1 && (endsWithWildcard(w - 1) || w >= 2 && letters(text(w - 1)) && endsWithWildcard(w - 2));
    }

    private static boolean letters(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Masker.isLetter(t.charAt(i))) {
                return false;
            }
        }
        return !t.isEmpty();
    }

    private boolean endsWithWildcard(int i) {
        return texts[i] != null && texts[i].endsWith(Masker.WILDCARD);
    }

    /**
     * A bracketed list of values ({@code [10.0.0.1:50010, 10.0.0.2:50010]}) is one value, however
     * many it holds. A list of words is left alone: its words are constants.
     */
    private void joinLists() {
        int w = 0;
        for (int k = 0; k < count; k++) {
            starts[w] = starts[k];
            ends[w] = ends[k];
            texts[w] = texts[k];
            hashes[w] = hashes[k];
            masks[w] = masks[k];
            String t = texts[k];
            if (t != null && t.length() == 5 && "[({".indexOf(t.charAt(0)) >= 0 && t.startsWith("<*>,", 1)) {
                char close = t.charAt(0) == '[' ? ']' : t.charAt(0) == '(' ? ')' : '}';
                int j = k + 1;
                while (j < count && "<*>,".equals(texts[j])) {
                    j++;
                }
                if (j < count && texts[j] != null && texts[j].startsWith(Masker.WILDCARD)
                        && texts[j].length() > 3 && texts[j].charAt(3) == close) {
                    texts[w] = t.charAt(0) + texts[j];
                    hashes[w] = hash(texts[w]);
                    ends[w] = ends[j];
                    k = j;
                }
            }
            w++;
        }
        count = w;
    }

    /** Could be {@code true}, {@code false} or {@code null}, which are values. */
    private static boolean maybeLiteral(char[] buf, int start, int end) {
        int n = end - start;
        char c = buf[start];
        return n >= 4 && n <= 5 && (c == 't' || c == 'T' || c == 'f' || c == 'F' || c == 'n' || c == 'N');
    }

    /** {@code 07:07:00}: digits, a colon, digits — worth looking for a date around it. */
    private static boolean timeLike(char[] buf, int start, int end) {
        int colon = start + 1;
        while (colon < end && colon <= start + 2 && buf[colon] != ':') {
            colon++;
        }
        return colon < end - 2 && buf[colon] == ':' && buf[start] >= '0' && buf[start] <= '9'
                && buf[colon + 1] >= '0' && buf[colon + 1] <= '9';
    }

    /** Token {@code k} is a unit of size or time, maybe with closing punctuation: {@code KB,}, {@code ms}, {@code sec)}. */
    private boolean unit(int k) {
        int s = starts[k];
        int e = ends[k];
        if (e - s > 5 || texts[k] != null && masks[k]) {
            return false;
        }
        // not text(k): a plain word made a string here would be masked again with a stale shape
        return texts[k] != null ? Masker.isUnit(texts[k], 0, texts[k].length()) : Masker.isUnit(message, s, e);
    }

    /** A date in words ({@code Sun Jul 17 07:07:00 2005}) becomes one {@code <*>} token. */
    private void collapseDates() {
        String[] raw = new String[count];
        for (int k = 0; k < count; k++) {
            raw[k] = texts[k] != null && !masks[k] ? texts[k] : message.substring(starts[k], ends[k]);
        }
        int w = 0;
        for (int k = 0; k < count; k++) {
            int date = DateRun.length(raw, count, k);
            starts[w] = starts[k];
            hashes[w] = hashes[k];
            texts[w] = texts[k];
            masks[w] = masks[k];
            shapes[w] = shapes[k];
            if (date > 0) {
                texts[w] = Masker.WILDCARD;
                hashes[w] = WILDCARD_HASH;
                masks[w] = true;
                k += date - 1;
            }
            ends[w] = ends[k];
            w++;
        }
        count = w;
    }

    private void grow() {
        int size = starts.length * 2;
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
        hashes = java.util.Arrays.copyOf(hashes, size);
        texts = java.util.Arrays.copyOf(texts, size);
        masks = java.util.Arrays.copyOf(masks, size);
        shapes = java.util.Arrays.copyOf(shapes, size);
    }

    /** A run of digits enters the shape as its length, and whether it is a lone 0; the code is above any char. */
    private static long mixRun(long h, int run, boolean zero) {
        return (h ^ (0x10000 + run * 2 + (zero && run == 1 ? 1 : 0))) * PRIME;
    }

    /** This line's tokens into a batch, from token {@code at} on. */
    void copyTo(TokenBatch batch, int at) {
        System.arraycopy(starts, 0, batch.starts, at, count);
        System.arraycopy(ends, 0, batch.ends, at, count);
        System.arraycopy(hashes, 0, batch.hashes, at, count);
        System.arraycopy(texts, 0, batch.texts, at, count);
    }

    /** Line {@code line} of a batch read into tokens, as if {@link #read} had just read it. */
    void load(TokenBatch batch, int line) {
        int from = batch.firstToken[line];
        int n = batch.firstToken[line + 1] - from;
        while (starts.length < n) {
            grow();
        }
        message = TemplateMiner.mined(batch.messages[line]);
        System.arraycopy(batch.starts, from, starts, 0, n);
        System.arraycopy(batch.ends, from, ends, 0, n);
        System.arraycopy(batch.hashes, from, hashes, 0, n);
        System.arraycopy(batch.texts, from, texts, 0, n);
        count = n;
    }

    int count() {
        return count;
    }

    /** Token {@code i}'s text is at hand (masked, or already made a string); a plain word not yet made holds no wildcard. */
    boolean hasText(int i) {
        return texts[i] != null;
    }

    long hash(int i) {
        return hashes[i];
    }

    /** The masked text of token {@code i}. */
    String text(int i) {
        String t = texts[i];
        if (t == null) {
            t = message.substring(starts[i], ends[i]);
            texts[i] = t;
        }
        return t;
    }

    /** Token {@code i} has a partial template token's constant parts, in order. */
    boolean fits(int i, String[] segments) {
        String t = texts[i];
        return t != null ? Generalizer.matches(segments, t) : Generalizer.matches(segments, message, starts[i], ends[i]);
    }

    /** Token {@code i} and a template token differ by a word only (see {@link Generalizer#differByWords}). */
    boolean differsByWords(int i, String template) {
        String t = texts[i];
        return t != null ? Generalizer.differByWords(template, t) : Generalizer.differByWords(template, message, starts[i], ends[i]);
    }

    String[] texts() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = text(i);
        }
        return out;
    }

    /** The masked tokens of one message, as strings. */
    String[] tokens(String message) {
        read(message);
        return texts();
    }

    static long hash(String s) {
        long h = BASIS;
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return h;
    }

    private static long step(long h, char c) {
        return (h ^ c) * PRIME; // FNV-1a, 64 bits
    }

    static boolean isSpace(char c) {
        return c <= ' ' || c > 0x7f && Character.isWhitespace(c);
    }
}
