package dev.vigie.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A file's fingerprint: a hash of its first line (at most {@value #MAX_BYTES} bytes). With the file
 * key it tells a renamed file (same inode, same first line) from a new file at an old path, and it
 * recognises a copy (another inode, same first line), as copy-truncate rotation makes.
 */
final class Fingerprint {
    static final int MAX_BYTES = 256;
    private static final int COMPARED_BYTES = 64 * 1024;

    private Fingerprint() {
    }

    /** The first line's bytes (at most {@value #MAX_BYTES}), as they are now: what a content is recognised by. */
    static byte[] head(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(MAX_BYTES);
        int n = 0;
        while (head.hasRemaining()) {
            int r = channel.read(head, n);
            if (r <= 0) {
                break;
            }
            n += r;
        }
        return firstLine(head.array(), n);
    }

    /** Up to and including the first newline, or all of the {@code n} bytes when there is none. */
    private static byte[] firstLine(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            if (bytes[i] == '\n') {
                return Arrays.copyOf(bytes, i + 1);
            }
        }
        return Arrays.copyOf(bytes, n);
    }

    /** Whether the file still starts with {@code head}. */
    static boolean startsWith(FileChannel channel, byte[] head) throws IOException {
        ByteBuffer now = ByteBuffer.allocate(head.length);
        int n = 0;
        while (now.hasRemaining()) {
            int r = channel.read(now, n);
            if (r <= 0) {
                return false;
            }
            n += r;
        }
        return Arrays.equals(now.array(), head);
    }

    /**
     * @param partial when the first line is not complete yet: true hashes what is there (one-shot
     *                reads), false answers null (a live file is not tracked before its first line ends)
     */
    static String of(FileChannel channel, boolean partial) throws IOException {
        byte[] head = head(channel);
        if (head.length == 0) {
            return null;
        }
        boolean complete = head[head.length - 1] == '\n' || head.length == MAX_BYTES;
        return complete || partial ? hash(head) : null;
    }

    /** The fingerprint of a {@code .gz} file's decompressed content: the same as the file it was compressed from. */
    static String ofCompressed(Path path) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(path))) {
            byte[] head = in.readNBytes(MAX_BYTES);
            return head.length == 0 ? null : hash(firstLine(head, head.length));
        }
    }

    /** Whether two files hold the same bytes over the length of the shorter one (capped): one is a copy of the other. */
    static boolean samePrefix(Path a, Path b) throws IOException {
        try (FileChannel ca = FileChannel.open(a, StandardOpenOption.READ);
             FileChannel cb = FileChannel.open(b, StandardOpenOption.READ)) {
            int n = (int) Math.min(COMPARED_BYTES, Math.min(ca.size(), cb.size()));
            ByteBuffer x = ByteBuffer.allocate(n);
            ByteBuffer y = ByteBuffer.allocate(n);
            ca.read(x, 0);
            cb.read(y, 0);
            return x.flip().equals(y.flip());
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
