package dev.vigie.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints kept in memory, as the store would commit them after each record. */
final class MemoryCheckpoints implements CheckpointSource {
    final Map<String, Checkpoint> byContent = new ConcurrentHashMap<>();

    void commit(RawRecord r) {
        byContent.put(r.fileKey() + "|" + r.fingerprint(), new Checkpoint(r.fileKey(), r.fingerprint(), r.source(), r.endOffset()));
    }

    @Override
    public Optional<Checkpoint> find(String fileKey, String fingerprint) {
        return Optional.ofNullable(byContent.get(fileKey + "|" + fingerprint));
    }

    @Override
    public List<Checkpoint> withFingerprint(String fingerprint) {
        return byContent.values().stream().filter(c -> c.fingerprint().equals(fingerprint)).toList();
    }
}
