package dev.vigie.template;

import dev.vigie.event.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An online template miner in the spirit of Drain: a message's masked tokens are matched against
 * the clusters that have the same token count and the same first token; the most similar cluster
 * at or above {@link #SIMILARITY} takes the line and generalises (the positions that differ become
 * {@code <*>}, keeping a shared prefix such as {@code user=}). Unlike Drain, values are masked
 * before matching, words are constants until a position has shown {@link #VARIANTS} of them, and a
 * generalised template absorbs the clusters it now covers. A cluster's id is fixed when it is made,
 * from its first template, so ids are the same in every run and after a restart. Memory grows with
 * the number of templates, not of lines.
 */
public final class TemplateMiner {
    /**
     * Share of a line's tokens that must equal a cluster's for the line to join it. One setting for
     * every log; leaving one Loghub system out, anything from 0.4 to 0.7 scores the same, so it stays
     * where it was (0.6 splits more: half as many templates again on lines whose numbers vary more).
     */
    static final double SIMILARITY = 0.5;
    /**
     * Words (letters only) are constants: {@code startup} and {@code shutdown}, {@code RUNNING} and
     * {@code SETUP} make different templates. A word position becomes a value only once this many
     * different words were seen there with the rest of the line the same (user names, hosts). 3 and 4
     * tie on every Loghub system but Linux, whose ground truth keeps three user names apart: 4.
     */
    static final int VARIANTS = 4;

    private final double similarity;
    private final int variants;
    private final Buckets buckets = new Buckets();
    private final List<Cluster> clusters = new ArrayList<>();
    private final Tokenizer tokenizer = new Tokenizer();
    private List<TemplateMerge> merges = new ArrayList<>();

    public TemplateMiner() {
        this(SIMILARITY, VARIANTS);
    }

    /** Another setting of the two defaults, for the benchmarks that chose them. */
    public TemplateMiner(double similarity, int variants) {
        this.similarity = similarity;
        this.variants = variants;
    }

    /** Clusters are looked up by token count and first token; a first token holding a value is any value. */
    private static long key(int length, long firstHash) {
        return firstHash * 31 + length;
    }

    private long key(Tokenizer line) {
        if (line.count() == 0) {
            return key(0, 0);
        }
        long first = line.hash(0);
        if (first != Tokenizer.WILDCARD_HASH && line.hasText(0) && line.text(0).contains(Masker.WILDCARD)) {
            first = Tokenizer.WILDCARD_HASH;
        }
        return key(line.count(), first);
    }

    private static long key(String[] tokens) {
        if (tokens.length == 0) {
            return key(0, 0);
        }
        return key(tokens.length, tokens[0].contains(Masker.WILDCARD) ? Tokenizer.WILDCARD_HASH : Tokenizer.hash(tokens[0]));
    }

    /** What of a message is mined; longer messages (far beyond any real template) are mined on their start. */
    static final int MAX_CHARS = 4_096;

    /** A template being mined; {@code into} points to the cluster it merged into, if it did. */
    static final class Cluster {
        private static final byte CONSTANT = 0;
        private static final byte ANY = 1;
        private static final byte PARTIAL = 2;

        final int index;
        final String id;
        final String example;
        String[] tokens;
        private long[] hashes;
        /** Per token: a constant, {@code <*>}, or a constant around one {@code <*>} such as {@code user=<*>}. */
        private byte[] kinds;
        /** For a partial token, its constant parts around the values. */
        private String[][] segments;
        String text;
        long count;
        Instant firstSeen;
        Instant lastSeen;
        Cluster into;
        private Map<Integer, Set<String>> variants;

        Cluster(int index, String id, String[] tokens, String example) {
            this.index = index;
            this.id = id;
            this.example = example;
            retemplate(tokens);
        }

        void retemplate(String[] next) {
            tokens = next;
            text = String.join(" ", next);
            kinds = new byte[next.length];
            hashes = new long[next.length];
            segments = new String[next.length][];
            for (int i = 0; i < next.length; i++) {
                String t = next[i];
                hashes[i] = Tokenizer.hash(t);
                kinds[i] = t.equals(Masker.WILDCARD) ? ANY : t.contains(Masker.WILDCARD) ? PARTIAL : CONSTANT;
                segments[i] = kinds[i] == PARTIAL ? Generalizer.segments(t) : null;
            }
        }

        /** Token {@code i} of the line is what this template has there (a value fits a partial token). */
        boolean accepts(int i, Tokenizer line) {
            long h = line.hash(i);
            return switch (kinds[i]) {
                case CONSTANT -> hashes[i] == h;
                case ANY -> h == Tokenizer.WILDCARD_HASH;
                default -> hashes[i] == h || line.fits(i, segments[i]);
            };
        }

        /** The same, for another cluster's template token. */
        boolean accepts(int i, Cluster other) {
            return switch (kinds[i]) {
                case CONSTANT -> hashes[i] == other.hashes[i];
                case ANY -> true;
                default -> hashes[i] == other.hashes[i] || Generalizer.matches(segments[i], other.tokens[i]);
            };
        }

        /** Every token of the line is this template's token exactly (a masked value where it has one). */
        boolean equalsAll(Tokenizer line) {
            for (int i = 0; i < hashes.length; i++) {
                if (hashes[i] != line.hash(i)) {
                    return false;
                }
            }
            return true;
        }

        boolean any(int i) {
            return kinds[i] == ANY;
        }

        /** Records a word seen at a position where this cluster has another; returns how many differ there. */
        int variant(int position, String word, int limit) {
            if (variants == null) {
                variants = new HashMap<>();
            }
            Set<String> seen = variants.computeIfAbsent(position, p -> new HashSet<>(List.of(tokens[p])));
            if (seen.size() < limit) {
                seen.add(word);
            }
            return seen.size();
        }

        Cluster live() {
            Cluster c = this;
            while (c.into != null) {
                c = c.into;
            }
            return c;
        }

        Template snapshot() {
            return new Template(id, text, count, firstSeen, lastSeen, example);
        }
    }

    /**
     * Seeds the miner with templates known from earlier runs, so their ids carry on. A template
     * mined under other rules (an earlier version's) that no longer takes its own example is
     * re-made from the example under today's rules, keeping its id, count and times; if that makes
     * it another known template, the one restored first takes it over ({@link #takeMerges}), so an
     * upgrade makes no known event look new.
     */
    public void restore(Collection<Template> known) {
        for (Template t : known) {
            String[] tokens = t.text().isEmpty() ? new String[0] : t.text().split(" ");
            if (t.example() != null && !t.example().isEmpty() && !takes(tokens, t.example())) {
                tokens = tokenizer.texts(); // the example, as read by takes()
            }
            Cluster same = equal(tokens);
            if (same != null) {
                merges.add(new TemplateMerge(t.id(), same.id));
                same.count += t.count();
                same.firstSeen = earlier(same.firstSeen, t.firstSeen());
                same.lastSeen = later(same.lastSeen, t.lastSeen());
                continue;
            }
            Cluster c = add(t.id(), tokens, t.example());
            c.count = t.count();
            c.firstSeen = t.firstSeen();
            c.lastSeen = t.lastSeen();
        }
    }

    /** A template of these tokens would take this message as it is read today. */
    private boolean takes(String[] tokens, String example) {
        tokenizer.read(mined(example));
        if (tokenizer.count() != tokens.length) {
            return false;
        }
        Cluster probe = new Cluster(-1, "", tokens, "");
        for (int i = 0; i < tokens.length; i++) {
            if (!probe.accepts(i, tokenizer) && !probe.any(i)) {
                return false;
            }
        }
        return true;
    }

    private Cluster equal(String[] tokens) {
        Buckets.Bucket found = buckets.get(key(tokens));
        if (found != null) {
            for (Cluster c : found.clusters) {
                if (c.into == null && java.util.Arrays.equals(c.tokens, tokens)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Mines one message and returns its template as it stands after this line. */
    public Template mine(String message, Instant time) {
        Cluster c = clusterOf(message);
        c.count++;
        c.firstSeen = c.firstSeen == null || time.isBefore(c.firstSeen) ? time : c.firstSeen;
        c.lastSeen = c.lastSeen == null || time.isAfter(c.lastSeen) ? time : c.lastSeen;
        return c.snapshot();
    }

    /**
     * For evaluation: the number of the cluster a message joins, without counting it. The cluster's
     * template ({@link #templateOf}) may still generalise or merge as more lines come.
     */
    public int assign(String message) {
        return clusterOf(message).index;
    }

    /** What the cluster numbered {@code index} has become by now (another one, if it merged); counts are not kept. */
    public Template templateOf(int index) {
        Cluster c = clusters.get(index).live();
        return new Template(c.id, c.text, c.count, c.firstSeen, c.lastSeen, c.example);
    }

    /** As {@link #assign(String)}, for line {@code i} of a batch, read into tokens beforehand or not. */
    public int assign(TokenBatch batch, int i) {
        if (batch.tokenized()) {
            tokenizer.load(batch, i);
        } else {
            tokenizer.read(mined(batch.messages[i]));
        }
        return clusterOfRead(batch.messages[i]).index;
    }

    /** A line of a megabyte would hold a token and a set of variants per word: its first part makes its template. */
    static String mined(String message) {
        return message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message;
    }

    /** The cluster a message belongs to, made or generalised as needed; counts are the caller's. */
    Cluster clusterOf(String message) {
        tokenizer.read(mined(message));
        return clusterOfRead(message);
    }

    /** The cluster of the message the tokenizer has just read. */
    private Cluster clusterOfRead(String message) {
        Tokenizer line = tokenizer;
        Buckets.Bucket found = buckets.get(key(line));
        List<Cluster> bucket = found == null ? null : found.clusters;
        int n = line.count();
        if (found != null && found.last != null) {
            Cluster exact = found.last.live();
            if (exact.tokens.length == n && exact.equalsAll(line)) {
                return exact; // the line reads exactly as the bucket's last match: no other cluster can do better
            }
        }
        // beyond this many differing positions a cluster can neither take the line nor be its sibling
        int maxBad = Math.max(1, (int) Math.floor(n * (1 - similarity)));
        Cluster best = null;
        int bestEqual = -1;
        int bestParams = -1;
        int bestBad = 0;
        Cluster sibling = null;
        int siblingAt = -1;
        if (bucket != null) {
            for (Cluster c : bucket) {
                if (c.into != null) {
                    continue;
                }
                int equal = 0;
                int params = 0;
                int bad = 0;
                int words = 0;
                int wordAt = -1;
                for (int i = 0; i < n && bad <= maxBad && words < 2; i++) {
                    if (c.accepts(i, line)) {
                        equal++;
                    } else if (c.any(i)) {
                        params++;
                    } else {
                        bad++;
                        if (line.differsByWords(i, c.tokens[i])) {
                            words++;
                            wordAt = i;
                        }
                    }
                }
                if (bad > maxBad || words > 1) {
                    continue;
                }
                if (words == 0) {
                    if (equal > bestEqual || equal == bestEqual && params > bestParams) {
                        best = c;
                        bestEqual = equal;
                        bestParams = params;
                        bestBad = bad;
                    }
                } else if (bad == 1 && sibling == null) {
                    sibling = c;
                    siblingAt = wordAt;
                }
            }
        }
        if (best != null && (n == 0 || (double) bestEqual / n >= similarity)) {
            if (bestBad > 0) {
                generalize(best, line);
                absorbCovered(best, bucket);
            }
            Cluster taken = best.live();
            found.last = taken;
            return taken;
        }
        if (sibling != null && sibling.variant(siblingAt, line.text(siblingAt), variants) >= variants) {
            String[] next = sibling.tokens.clone();
            next[siblingAt] = Generalizer.merge(next[siblingAt], line.text(siblingAt));
            sibling.retemplate(next);
            absorbCovered(sibling, bucket);
            return sibling;
        }
        String[] tokens = line.texts();
        return add(Ids.of("template", String.join(" ", tokens)), tokens, message);
    }

    private Cluster add(String id, String[] tokens, String example) {
        Cluster c = new Cluster(clusters.size(), id, tokens, example);
        clusters.add(c);
        buckets.add(key(tokens), c);
        return c;
    }

    private static void generalize(Cluster c, Tokenizer line) {
        String[] next = c.tokens.clone();
        for (int i = 0; i < next.length; i++) {
            if (!c.accepts(i, line) && !c.any(i)) {
                next[i] = Generalizer.merge(c.tokens[i], line.text(i));
            }
        }
        c.retemplate(next);
    }

    /** Clusters of the bucket that a generalised template now covers join it. */
    private void absorbCovered(Cluster c, List<Cluster> bucket) {
        for (Cluster other : bucket) {
            if (other != c && other.into == null && covers(c, other)) {
                other.into = c;
                merges.add(new TemplateMerge(other.id, c.id));
                c.count += other.count;
                other.count = 0;
                c.firstSeen = earlier(c.firstSeen, other.firstSeen);
                c.lastSeen = later(c.lastSeen, other.lastSeen);
            }
        }
    }

    private static boolean covers(Cluster c, Cluster other) {
        for (int i = 0; i < c.tokens.length; i++) {
            if (!c.accepts(i, other)) {
                return false;
            }
        }
        return true;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The merges since the last call, oldest first, for the store to record. */
    public List<TemplateMerge> takeMerges() {
        if (merges.isEmpty()) {
            return List.of();
        }
        List<TemplateMerge> out = merges;
        merges = new ArrayList<>();
        return out;
    }

    public List<Template> templates() {
        List<Template> out = new ArrayList<>();
        for (Cluster c : clusters) {
            if (c.into == null) {
                out.add(c.snapshot());
            }
        }
        return out;
    }

    /** Clusters held, absorbed ones included: what the miner's memory grows with. */
    int clusters() {
        return clusters.size();
    }

    public int size() {
        int n = 0;
        for (Cluster c : clusters) {
            if (c.into == null) {
                n++;
            }
        }
        return n;
    }
}
