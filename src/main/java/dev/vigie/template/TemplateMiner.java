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
    /** Share of a line's tokens that must equal a cluster's for the line to join it. One setting for every log. */
    static final double SIMILARITY = 0.5;
    /**
     * Words (letters only) are constants: {@code startup} and {@code shutdown}, {@code RUNNING} and
     * {@code SETUP} make different templates. A word position becomes a value only once this many
     * different words were seen there with the rest of the line the same (user names, hosts).
     */
    static final int VARIANTS = 3;

    private final Map<Key, List<Cluster>> buckets = new HashMap<>();
    private final List<Cluster> clusters = new ArrayList<>();

    private record Key(int length, String first) {
        static Key of(String[] tokens) {
            String first = tokens.length == 0 ? "" : tokens[0];
            return new Key(tokens.length, first.contains(Masker.WILDCARD) ? Masker.WILDCARD : first);
        }
    }

    /** A template being mined; {@code into} points to the cluster it merged into, if it did. */
    static final class Cluster {
        private static final byte CONSTANT = 0;
        private static final byte ANY = 1;
        private static final byte PARTIAL = 2;

        final int index;
        final String id;
        final String example;
        String[] tokens;
        /** Per token: a constant, {@code <*>}, or a constant around one {@code <*>} such as {@code user=<*>}. */
        private byte[] kinds;
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
            for (int i = 0; i < next.length; i++) {
                String t = next[i];
                kinds[i] = t.equals(Masker.WILDCARD) ? ANY : t.contains(Masker.WILDCARD) ? PARTIAL : CONSTANT;
            }
        }

        boolean accepts(int i, String token) {
            String t = tokens[i];
            return switch (kinds[i]) {
                case CONSTANT -> t.equals(token);
                case ANY -> token.equals(Masker.WILDCARD);
                default -> t.equals(token) || Generalizer.matches(t, token);
            };
        }

        boolean any(int i) {
            return kinds[i] == ANY;
        }

        /** Records a word seen at a position where this cluster has another; returns how many differ there. */
        int variant(int position, String word) {
            if (variants == null) {
                variants = new HashMap<>();
            }
            Set<String> seen = variants.computeIfAbsent(position, p -> new HashSet<>(List.of(tokens[p])));
            if (seen.size() < VARIANTS) {
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

    /** Seeds the miner with templates known from earlier runs, so their ids carry on. */
    public void restore(Collection<Template> known) {
        for (Template t : known) {
            String[] tokens = t.text().isEmpty() ? new String[0] : t.text().split(" ");
            Cluster c = add(t.id(), tokens, t.example());
            c.count = t.count();
            c.firstSeen = t.firstSeen();
            c.lastSeen = t.lastSeen();
        }
    }

    /** Mines one message and returns its template as it stands after this line. */
    public Template mine(String message, Instant time) {
        Cluster c = clusterOf(message);
        c.count++;
        c.firstSeen = c.firstSeen == null || time.isBefore(c.firstSeen) ? time : c.firstSeen;
        c.lastSeen = c.lastSeen == null || time.isAfter(c.lastSeen) ? time : c.lastSeen;
        return c.snapshot();
    }

    /** The cluster a message belongs to, made or generalised as needed; counts are the caller's. */
    Cluster clusterOf(String message) {
        String[] tokens = Masker.tokenArray(message);
        List<Cluster> bucket = buckets.get(Key.of(tokens));
        int n = tokens.length;
        // beyond this many differing positions a cluster can neither take the line nor be its sibling
        int maxBad = Math.max(1, (int) Math.floor(n * (1 - SIMILARITY)));
        Cluster best = null;
        int bestEqual = -1;
        int bestParams = -1;
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
                    if (c.accepts(i, tokens[i])) {
                        equal++;
                    } else if (c.any(i)) {
                        params++;
                    } else {
                        bad++;
                        if (Generalizer.differByWords(c.tokens[i], tokens[i])) {
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
                    }
                } else if (bad == 1 && sibling == null) {
                    sibling = c;
                    siblingAt = wordAt;
                }
            }
        }
        if (best != null && (n == 0 || (double) bestEqual / n >= SIMILARITY)) {
            if (generalize(best, tokens)) {
                absorbCovered(best, bucket);
            }
            return best.live();
        }
        if (sibling != null && sibling.variant(siblingAt, tokens[siblingAt]) >= VARIANTS) {
            String[] next = sibling.tokens.clone();
            next[siblingAt] = Generalizer.merge(next[siblingAt], tokens[siblingAt]);
            sibling.retemplate(next);
            absorbCovered(sibling, bucket);
            return sibling;
        }
        return add(Ids.of("template", String.join(" ", tokens)), tokens, message);
    }

    private Cluster add(String id, String[] tokens, String example) {
        Cluster c = new Cluster(clusters.size(), id, tokens, example);
        clusters.add(c);
        buckets.computeIfAbsent(Key.of(tokens), k -> new ArrayList<>()).add(c);
        return c;
    }

    private static boolean generalize(Cluster c, String[] tokens) {
        String[] next = null;
        for (int i = 0; i < tokens.length; i++) {
            if (!c.accepts(i, tokens[i]) && !c.any(i)) {
                if (next == null) {
                    next = c.tokens.clone();
                }
                next[i] = Generalizer.merge(c.tokens[i], tokens[i]);
            }
        }
        if (next == null) {
            return false;
        }
        c.retemplate(next);
        return true;
    }

    /** Clusters of the bucket that a generalised template now covers join it. */
    private static void absorbCovered(Cluster c, List<Cluster> bucket) {
        for (Cluster other : bucket) {
            if (other != c && other.into == null && covers(c, other.tokens)) {
                other.into = c;
                c.count += other.count;
                other.count = 0;
                c.firstSeen = earlier(c.firstSeen, other.firstSeen);
                c.lastSeen = later(c.lastSeen, other.lastSeen);
            }
        }
    }

    private static boolean covers(Cluster c, String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (!c.accepts(i, tokens[i]) && !c.any(i)) {
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

    public List<Template> templates() {
        List<Template> out = new ArrayList<>();
        for (Cluster c : clusters) {
            if (c.into == null) {
                out.add(c.snapshot());
            }
        }
        return out;
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
