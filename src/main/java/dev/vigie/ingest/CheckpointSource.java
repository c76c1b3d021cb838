package dev.vigie.ingest;

import java.util.Optional;

/** Where tailers find the checkpoint to resume a file from; the store implements it. */
public interface CheckpointSource {
    Optional<Checkpoint> checkpoint(String source);

    CheckpointSource NONE = source -> Optional.empty();
}
