package dev.vigie.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What keeps Vigie from storing anything in a data directory, seen from outside the engine (the
 * engine cannot write its own trouble into a database it cannot write): a full disk, a read-only
 * file system, a directory it may not write.
 */
public final class StorageCheck {
    /** Below this, SQLite cannot be relied on to commit a batch. */
    static final long LOW_BYTES = 16L << 20;

    private StorageCheck() {
    }

    /** @return the problem in plain words, or empty when the directory can take writes */
    public static Optional<String> problem(Path dataDir) {
        try {
            FileStore store = Files.getFileStore(dataDir);
            if (store.isReadOnly()) {
                return Optional.of("the file system holding " + dataDir + " is read-only: nothing new can be stored");
            }
            if (!Files.isWritable(dataDir)) {
                return Optional.of(dataDir + " cannot be written by this user: nothing new can be stored");
            }
            long free = store.getUsableSpace();
            if (free < LOW_BYTES) {
                return Optional.of(String.format("the disk holding %s is full (%d KB free): new lines wait until there is room",
                        dataDir, free / 1024));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot check " + dataDir + ": " + e.getMessage());
        }
    }
}
