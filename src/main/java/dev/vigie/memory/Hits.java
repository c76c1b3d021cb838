package dev.vigie.memory;

import java.util.Comparator;
import java.util.List;

/** The order of hits every backend returns: fused score, then similarity, then id, so equal inputs rank alike. */
final class Hits {
    private static final Comparator<MemoryHit> BEST = Comparator.comparingDouble(MemoryHit::score).reversed()
            .thenComparing(Comparator.comparingDouble((MemoryHit h) -> Double.isNaN(h.similarity()) ? -2 : h.similarity()).reversed())
            .thenComparing(h -> h.record().id());

    private Hits() {
    }

    static List<MemoryHit> best(List<MemoryHit> hits, int limit) {
        return hits.stream().sorted(BEST).limit(limit).toList();
    }
}
