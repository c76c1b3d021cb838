package dev.vigie.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where tailers find the checkpoint to resume a file from; the store implements it. */
public interface CheckpointSource {
    /** Checkpoints of the file with this key, for every content it held. */
    List<Checkpoint> withKey(String fileKey);

    /** Checkpoints with any of these fingerprints, whatever their file's key: the contents a file could be a copy of. */
    List<Checkpoint> withFingerprints(Collection<String> fingerprints);

    /** How many bytes the stored fingerprints cover (those before fingerprints said so are left out). */
    Set<Integer> fingerprintLengths();

    CheckpointSource NONE = new CheckpointSource() {
        @Override
        public List<Checkpoint> withKey(String fileKey) {
            return List.of();
        }

        @Override
        public List<Checkpoint> withFingerprints(Collection<String> fingerprints) {
            return List.of();
        }

        @Override
        public Set<Integer> fingerprintLengths() {
            return Set.of();
        }
    };
}
