package dev.vigie.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Decides where reading a file starts when it is first seen (at start-up, or when it appears):
 * its own checkpoint; or, for a copy of a content already being read (copy-truncate rotation),
 * nothing until the original is truncated, then where the original's reading had reached.
 */
final class FileResolver {
    /**
     * Where the reading of a content stopped when it was truncated or deleted, the content's first
     * bytes, and the bytes just before that point (null when not known): a copy holds them there; a
     * new file that only starts with the same bytes (a header) does not.
     */
    record Retired(byte[] head, long offset, String tail) {
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
     * @param head    the file's first bytes (at most {@value Fingerprint#SIZE})
     * @param tracked contents being read now
     * @param retired contents that were truncated or deleted while being read, with where their reading had reached
     */
    Decision resolve(Path path, long size, String fileKey, byte[] head,
                     Collection<FileTailer> tracked, List<Retired> retired) throws IOException {
        List<Checkpoint> own = checkpoints.withKey(fileKey).stream().filter(c -> Fingerprint.matches(head, c.fingerprint())).toList();
        if (!own.isEmpty()) {
            // same start but shorter than what was read, or other bytes where reading stopped:
            // rewritten in place (or a new file on the old one's inode), so it is new
            return new Decision(own.stream().filter(c -> c.offset() <= size && holdsTail(path, c.offset(), c.tail()))
                    .mapToLong(Checkpoint::offset).max().orElse(0));
        }
        for (FileTailer t : tracked) {
            if (!t.fileKey().equals(fileKey) && Fingerprint.sameStart(t.head(), head)) {
                if (!presents(t.path(), t.fileKey(), t.head())) {
                    // the original was just truncated: once its tailer is released (and has handed out
                    // what it held), this copy continues from there
                    return Decision.DEFER;
                }
                // a copy of a content still being read (plain, or compressed): the original gives these lines
                return FileTailer.compressed(path) || Fingerprint.samePrefix(path, t.path()) ? Decision.DEFER : new Decision(0);
            }
        }
        for (Iterator<Retired> it = retired.iterator(); it.hasNext(); ) {
            Retired r = it.next();
            if (Fingerprint.sameStart(r.head(), head) && holdsTail(path, r.offset(), r.tail())) {
                it.remove();
                return new Decision(Math.min(r.offset(), size));
            }
        }
        Optional<Checkpoint> original = checkpoints.withFingerprints(fingerprints(head)).stream()
                .filter(c -> !c.fileKey().equals(fileKey) && c.offset() <= size)
                .filter(c -> !presents(Path.of(c.path()), c.fileKey(), c.fingerprint()) && copyOf(path, c))
                .max(Comparator.comparingLong(Checkpoint::offset));
        // the original no longer holds this content (truncated, rotated away): this is its copy
        return new Decision(original.map(Checkpoint::offset).orElse(0L));
    }

    /** Every fingerprint a content starting with {@code head} may be stored under. */
    private List<String> fingerprints(byte[] head) {
        List<String> all = new ArrayList<>(Fingerprint.ofPrefixes(head, checkpoints.fingerprintLengths()));
        String legacy = Fingerprint.legacy(head);
        if (legacy != null) {
            all.add(legacy);
        }
        return all;
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

    /** Whether the file at {@code path} is still that content: same key, and it starts with the bytes the content started with. */
    private static boolean presents(Path path, String fileKey, byte[] head) {
        byte[] now = headAt(path, fileKey);
        return now != null && Fingerprint.startsWith(now, head);
    }

    /** Whether the file at {@code path} is still the content a checkpoint was made of. */
    private static boolean presents(Path path, String fileKey, String fingerprint) {
        byte[] now = headAt(path, fileKey);
        return now != null && Fingerprint.matches(now, fingerprint);
    }

    /** The first bytes of the file at {@code path}, or null when it is gone or is another file. */
    private static byte[] headAt(Path path, String fileKey) {
        try {
            if (!FileTailer.fileKey(path).equals(fileKey)) {
                return null;
            }
            if (FileTailer.compressed(path)) {
                return Fingerprint.headOfCompressed(path);
            }
            try (FileChannel ch = FileTailer.open(path)) {
                return Fingerprint.head(ch);
            }
        } catch (IOException e) {
            return null;
        }
    }
}
