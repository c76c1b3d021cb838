package dev.vigie.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Checkpoints kept in memory, as the store would commit them after each record. */
final class MemoryCheckpoints implements CheckpointSource {
    final Map<String, Checkpoint> byContent = new ConcurrentHashMap<>();

    void commit(RawRecord r) {
        byContent.put(r.fileKey() + "|" + r.fingerprint(), new Checkpoint(r.fileKey(), r.fingerprint(), r.source(), r.endOffset()));
    }

    @Override
    public List<Checkpoint> withKey(String fileKey) {
        return byContent.values().stream().filter(c -> c.fileKey().equals(fileKey)).toList();
    }

    @Override
    public List<Checkpoint> withFingerprints(Collection<String> fingerprints) {
        return byContent.values().stream().filter(c -> fingerprints.contains(c.fingerprint())).toList();
    }

    @Override
    public Set<Integer> fingerprintLengths() {
        return byContent.values().stream().map(c -> Fingerprint.length(c.fingerprint())).filter(n -> n > 0)
                .collect(Collectors.toSet());
    }
}
