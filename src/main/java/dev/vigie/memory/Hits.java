package dev.vigie.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every backend turns its two rankings into one: reciprocal-rank fusion (Cormack et al., 2009),
 * ordered by the fused score, then the similarity, then the backend's own key, so that equal inputs
 * rank alike. A backend fuses on its cheap keys (Lucene's document numbers) and reads the records of
 * the winners only.
 */
final class Hits {
    static final int RRF_K = 60;

    /** A key found by meaning, with the cosine of its vector to the query's. */
    record ByMeaning<K>(K key, double similarity) {
    }

    /** A key as fused: its score, its similarity (NaN when not found by meaning) and whether it holds a word asked for. */
    record Fused<K>(K key, double score, double similarity, boolean byWords) {
        MemoryHit with(MemoryRecord r) {
            return new MemoryHit(r, score, similarity, byWords);
        }
    }

    private Hits() {
    }

    /** @param byMeaning nearest first; @param byWords best first */
    static <K> List<Fused<K>> fuse(List<ByMeaning<K>> byMeaning, List<K> byWords, Comparator<K> keys, int limit) {
        Map<K, double[]> fused = new LinkedHashMap<>(); // key → {fused score, similarity, found by words}
        for (int rank = 0; rank < byMeaning.size(); rank++) {
            fused.put(byMeaning.get(rank).key(), new double[] {1.0 / (RRF_K + rank + 1), byMeaning.get(rank).similarity(), 0});
        }
        for (int rank = 0; rank < byWords.size(); rank++) {
            double[] f = fused.computeIfAbsent(byWords.get(rank), k -> new double[] {0, Double.NaN, 0});
            f[0] += 1.0 / (RRF_K + rank + 1);
            f[2] = 1;
        }
        List<Fused<K>> all = new ArrayList<>();
        fused.forEach((k, f) -> all.add(new Fused<>(k, f[0], f[1], f[2] > 0)));
        Comparator<Fused<K>> best = Comparator.comparingDouble((Fused<K> h) -> -h.score())
                .thenComparingDouble(h -> Double.isNaN(h.similarity()) ? 2 : -h.similarity())
                .thenComparing(Fused::key, keys);
        return all.stream().sorted(best).limit(limit).toList();
    }
}
