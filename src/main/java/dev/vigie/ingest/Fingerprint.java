package dev.vigie.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * A content's identity: its first bytes, up to {@value #SIZE} (a file shorter than that is
 * identified by what it holds, and again as it grows). The fingerprint of a head is
 * {@code <length>:<hash>}, so a checkpoint made when the file was short is recognised in the file
 * grown since. With the file key it tells a renamed file (same key, same start) from a new file at
 * an old path, and it recognises a copy (another key, same start), as copy-truncate rotation makes.
 * A constant first line (a CSV or W3C header) no longer makes two files the same.
 */
final class Fingerprint {
    static final int SIZE = 1024;
    /** Before fingerprints covered the first bytes, they covered the first line, up to this many bytes. */
    private static final int LEGACY_BYTES = 256;
    private static final int COMPARED_BYTES = 64 * 1024;

    private Fingerprint() {
    }

    /** The first bytes of the file (at most {@value #SIZE}), as they are now: what a content is recognised by. */
    static byte[] head(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(SIZE, channel.size()));
        while (head.hasRemaining()) {
            if (channel.read(head, head.position()) <= 0) {
                break;
            }
        }
        return Arrays.copyOf(head.array(), head.position());
    }

    /** The first bytes of a {@code .gz} file's decompressed content: the same as the file it was compressed from. */
    static byte[] headOfCompressed(Path path) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(path))) {
            return in.readNBytes(SIZE);
        }
    }

    /** @return null for an empty head: an empty file is not a content yet */
    static String of(byte[] head) {
        return head.length == 0 ? null : over(head, head.length);
    }

    private static String over(byte[] head, int length) {
        return length + ":" + hash(Arrays.copyOf(head, length));
    }

    /** The fingerprints a file starting with {@code head} would have had when it held {@code length} bytes. */
    static String of(byte[] head, int length) {
        return length > 0 && length <= head.length ? over(head, length) : null;
    }

    /** The fingerprints of the head's prefixes of these lengths (those it is long enough for), hashed in one pass. */
    static List<String> ofPrefixes(byte[] head, Collection<Integer> lengths) {
        int[] sorted = lengths.stream().mapToInt(Integer::intValue).filter(n -> n > 0 && n <= head.length).sorted().toArray();
        List<String> out = new ArrayList<>(sorted.length);
        MessageDigest digest = sha256();
        int done = 0;
        try {
            for (int length : sorted) {
                digest.update(head, done, length - done);
                done = length;
                out.add(length + ":" + HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest(), 0, 12));
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
        return out;
    }

    /** How many bytes a fingerprint covers; -1 for one made before fingerprints said so (a first line). */
    static int length(String fingerprint) {
        int colon = fingerprint.indexOf(':');
        return colon < 0 ? -1 : Integer.parseInt(fingerprint, 0, colon, 10);
    }

    /** Whether a file starting with {@code head} is the content a fingerprint was made of (then or since it grew). */
    static boolean matches(byte[] head, String fingerprint) {
        int length = length(fingerprint);
        return length < 0 ? fingerprint.equals(legacy(head)) : fingerprint.equals(of(head, length));
    }

    /** The fingerprint a checkpoint stored before this version has: a hash of the first line, up to 256 bytes. */
    static String legacy(byte[] head) {
        int n = Math.min(head.length, LEGACY_BYTES);
        for (int i = 0; i < n; i++) {
            if (head[i] == '\n') {
                n = i + 1;
                break;
            }
        }
        return n == 0 ? null : hash(Arrays.copyOf(head, n));
    }

    /** Whether one head is the start of the other: the same content, seen at two lengths. */
    static boolean sameStart(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        return n > 0 && Arrays.equals(a, 0, n, b, 0, n);
    }

    /** Whether {@code head} starts with all of {@code start}. */
    static boolean startsWith(byte[] head, byte[] start) {
        return head.length >= start.length && Arrays.equals(head, 0, start.length, start, 0, start.length);
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
        return HexFormat.of().formatHex(sha256().digest(bytes), 0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
