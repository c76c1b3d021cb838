package dev.vigie.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where reading a file starts when it is first seen (at start-up, or when it appears):
 * its own checkpoint; or, for a copy of a content already being read (copy-truncate rotation),
 * nothing until the original is truncated, then where the original's reading had reached.
 */
final class FileResolver {
    /**
     * Where the reading of a content stopped when it was truncated or deleted, and the bytes just
     * before that point (null when not known): a copy holds them there; a new file that only starts
     * with the same line (a header) does not.
     */
    record Retired(long offset, String tail) {
    }

    /** Start reading at {@code offset}, or (when {@code offset} is negative) not yet. */
    record Decision(long offset) {
        static final Decision DEFER = new Decision(-1);

        boolean deferred() {
            return offset < 0;
        }
    }

    private final CheckpointSource checkpoints;

    FileResolver(CheckpointSource checkpoints) {
        this.checkpoints = checkpoints;
    }

    /**
     * @param size    the file's length in bytes (unknown once decompressed for a {@code .gz}: Long.MAX_VALUE)
     * @param tracked contents being read now
     * @param retired fingerprints of contents that were truncated or deleted while being read, with
     *                where their reading had reached
     */
    Decision resolve(Path path, long size, String fileKey, String fingerprint,
                     Collection<FileTailer> tracked, Map<String, Retired> retired) throws IOException {
        Optional<Checkpoint> own = checkpoints.find(fileKey, fingerprint);
        if (own.isPresent()) {
            // same first line but shorter than what was read, or other bytes where reading stopped:
            // rewritten in place (or a new file on the old one's inode), so it is new
            Checkpoint c = own.get();
            return new Decision(c.offset() <= size && holdsTail(path, c.offset(), c.tail()) ? c.offset() : 0);
        }
        for (FileTailer t : tracked) {
            if (t.fingerprint().equals(fingerprint) && !t.fileKey().equals(fileKey)) {
                if (!presents(t.path(), t.fileKey(), fingerprint)) {
                    // the original was just truncated: once its tailer is released (and has handed out
                    // what it held), this copy continues from there
                    return Decision.DEFER;
                }
                // a copy of a content still being read (plain, or compressed): the original gives these lines
                return FileTailer.compressed(path) || Fingerprint.samePrefix(path, t.path()) ? Decision.DEFER : new Decision(0);
            }
        }
        Retired fromRetired = retired.remove(fingerprint);
        if (fromRetired != null && holdsTail(path, fromRetired.offset(), fromRetired.tail())) {
            return new Decision(Math.min(fromRetired.offset(), size));
        }
        for (Checkpoint c : checkpoints.withFingerprint(fingerprint)) {
            if (!c.fileKey().equals(fileKey) && !presents(Path.of(c.path()), c.fileKey(), fingerprint) && c.offset() <= size
                    && copyOf(path, c)) {
                // the original no longer holds this content (truncated, rotated away): this is its copy
                return new Decision(c.offset());
            }
        }
        return new Decision(0);
    }

    /**
     * Whether the file can be a copy of the checkpoint's content: it holds what that content held
     * before the checkpoint; where that is not known, the original must still be at its path
     * (truncated in place, as copy-truncate leaves it), not replaced by another file.
     */
    private static boolean copyOf(Path path, Checkpoint c) {
        if (c.tail() != null || FileTailer.compressed(path)) {
            return holdsTail(path, c.offset(), c.tail());
        }
        try {
            return FileTailer.fileKey(Path.of(c.path())).equals(c.fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the file still holds, just before {@code offset}, the bytes {@code tail} (hex; null: not known, so yes). */
    private static boolean holdsTail(Path path, long offset, String tail) {
        if (tail == null || FileTailer.compressed(path)) {
            return true;
        }
        try (FileChannel ch = FileTailer.open(path)) {
            return tail.equals(Tails.before(ch, offset));
        } catch (IOException e) {
            return true; // unreadable now: the tailer will say so
        }
    }

    /** Whether the file at {@code path} is still that content: same key, same first line. */
    private static boolean presents(Path path, String fileKey, String fingerprint) {
        try {
            if (!FileTailer.fileKey(path).equals(fileKey)) {
                return false;
            }
            if (FileTailer.compressed(path)) {
                return fingerprint.equals(Fingerprint.ofCompressed(path));
            }
            try (FileChannel ch = FileTailer.open(path)) {
                return fingerprint.equals(Fingerprint.of(ch, true));
            }
        } catch (IOException e) {
            return false;
        }
    }
}
