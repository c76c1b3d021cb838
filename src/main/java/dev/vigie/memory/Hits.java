package dev.vigie.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every backend turns its two rankings into one: reciprocal-rank fusion (Cormack et al., 2009),
 * then the fused score, the similarity and the id, so that equal inputs rank alike.
 */
final class Hits {
    static final int RRF_K = 60;
    private static final Comparator<MemoryHit> BEST = Comparator.comparingDouble(MemoryHit::score).reversed()
            .thenComparing(Comparator.comparingDouble((MemoryHit h) -> Double.isNaN(h.similarity()) ? -2 : h.similarity()).reversed())
            .thenComparing(h -> h.record().id());

    /** A record found by meaning, with the cosine of its vector to the query's. */
    record ByMeaning(MemoryRecord record, double similarity) {
    }

    private Hits() {
    }

    /** @param byMeaning nearest first; @param byWords best first */
    static List<MemoryHit> fuse(List<ByMeaning> byMeaning, List<MemoryRecord> byWords, int limit) {
        Map<String, MemoryRecord> records = new LinkedHashMap<>();
        Map<String, double[]> fused = new LinkedHashMap<>(); // id → {fused score, similarity, found by words}
        for (int rank = 0; rank < byMeaning.size(); rank++) {
            MemoryRecord r = byMeaning.get(rank).record();
            records.put(r.id(), r);
            fused.put(r.id(), new double[] {1.0 / (RRF_K + rank + 1), byMeaning.get(rank).similarity(), 0});
        }
        for (int rank = 0; rank < byWords.size(); rank++) {
            MemoryRecord r = byWords.get(rank);
            records.putIfAbsent(r.id(), r);
            double[] f = fused.computeIfAbsent(r.id(), k -> new double[] {0, Double.NaN, 0});
            f[0] += 1.0 / (RRF_K + rank + 1);
            f[2] = 1;
        }
        List<MemoryHit> hits = new ArrayList<>();
        fused.forEach((id, f) -> hits.add(new MemoryHit(records.get(id), f[0], f[1], f[2] > 0)));
        return hits.stream().sorted(BEST).limit(limit).toList();
    }
}
