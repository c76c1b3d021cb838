package dev.vigie.template;

import dev.vigie.event.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * An online template miner in the spirit of Drain: a message's masked tokens are matched against
 * the clusters that have the same token count and the same first token; the most similar cluster
 * at or above {@link #SIMILARITY} takes the line and generalises (the positions that differ become
 * {@code <*>}, keeping a shared prefix such as {@code user=}); otherwise the line starts a cluster.
 * Clusters that generalise into the same template merge. A cluster's id is fixed when it is made,
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
    static final int VARIANTS = Integer.getInteger("variants", 3);

    private final Map<String, List<Cluster>> buckets = new HashMap<>();
    private final List<Cluster> clusters = new ArrayList<>();

    /** A template being mined; {@code into} points to the cluster it merged into, if it did. */
    static final class Cluster {
        final int index;
        final String id;
        String[] tokens;
        String text;
        long count;
        Instant firstSeen;
        Instant lastSeen;
        final String example;
        Cluster into;
        private Map<Integer, Set<String>> variants;

        Cluster(int index, String id, String[] tokens, String example) {
            this.index = index;
            this.id = id;
            this.tokens = tokens;
            this.text = String.join(" ", tokens);
            this.example = example;
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

        void retemplate(String[] next) {
            tokens = next;
            text = String.join(" ", next);
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
        String[] tokens = Masker.tokens(message).toArray(new String[0]);
        List<Cluster> bucket = buckets.get(key(tokens));
        Cluster best = null;
        double bestSim = -1;
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
                int words = 0;
                int wordAt = -1;
                for (int i = 0; i < tokens.length; i++) {
                    String t = c.tokens[i];
                    if (t.equals(tokens[i]) || Generalizer.matches(t, tokens[i])) {
                        equal++;
                    } else if (t.equals(Masker.WILDCARD)) {
                        params++;
                    } else if (Generalizer.differByWords(t, tokens[i])) {
                        words++;
                        wordAt = i;
                    }
                }
                if (words == 0) {
                    double sim = tokens.length == 0 ? 1 : (double) equal / tokens.length;
                    if (sim > bestSim || sim == bestSim && params > bestParams) {
                        best = c;
                        bestSim = sim;
                        bestParams = params;
                    }
                } else if (words == 1 && sibling == null && equal + params == tokens.length - 1) {
                    sibling = c;
                    siblingAt = wordAt;
                }
            }
        }
        if (best != null && bestSim >= SIMILARITY) {
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
        buckets.computeIfAbsent(key(tokens), k -> new ArrayList<>()).add(c);
        return c;
    }

    private static String key(String[] tokens) {
        String first = tokens.length == 0 ? "" : tokens[0];
        return tokens.length + " " + (first.contains(Masker.WILDCARD) ? Masker.WILDCARD : first);
    }

    private static boolean generalize(Cluster c, String[] tokens) {
        String[] next = null;
        for (int i = 0; i < tokens.length; i++) {
            String t = c.tokens[i];
            if (!t.equals(tokens[i]) && !Generalizer.matches(t, tokens[i])) {
                if (next == null) {
                    next = c.tokens.clone();
                }
                next[i] = Generalizer.merge(t, tokens[i]);
            }
        }
        if (next == null) {
            return false;
        }
        c.retemplate(next);
        return true;
    }

    /** Clusters of the bucket that a generalised template now covers join it; the older id is kept. */
    private static void absorbCovered(Cluster c, List<Cluster> bucket) {
        for (Cluster other : bucket) {
            if (other != c && other.into == null && covers(c.tokens, other.tokens)) {
                other.into = c;
                c.count += other.count;
                other.count = 0;
                c.firstSeen = other.firstSeen != null && (c.firstSeen == null || other.firstSeen.isBefore(c.firstSeen))
                        ? other.firstSeen : c.firstSeen;
                c.lastSeen = other.lastSeen != null && (c.lastSeen == null || other.lastSeen.isAfter(c.lastSeen))
                        ? other.lastSeen : c.lastSeen;
            }
        }
    }

    private static boolean covers(String[] template, String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            String t = template[i];
            if (!t.equals(tokens[i]) && !t.equals(Masker.WILDCARD) && !Generalizer.matches(t, tokens[i])) {
                return false;
            }
        }
        return true;
    }

    /** The current template of the cluster a line was given. */
    String templateOf(Cluster c) {
        return c.live().text;
    }

    String idOf(Cluster c) {
        return c.live().id;
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
