package dev.vigie.ingest;

import java.util.List;
import java.util.Optional;

/** Where tailers find the checkpoint to resume a file from; the store implements it. */
public interface CheckpointSource {
    Optional<Checkpoint> find(String fileKey, String fingerprint);

    /** Checkpoints of every file that had this fingerprint, whatever its key: candidates for a copy. */
    List<Checkpoint> withFingerprint(String fingerprint);

    CheckpointSource NONE = new CheckpointSource() {
        @Override
        public Optional<Checkpoint> find(String fileKey, String fingerprint) {
            return Optional.empty();
        }

        @Override
        public List<Checkpoint> withFingerprint(String fingerprint) {
            return List.of();
        }
    };
}
