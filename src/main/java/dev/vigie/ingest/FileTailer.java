package dev.vigie.ingest;

import dev.vigie.config.IngestOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one file (one content: one file key and fingerprint) from a byte offset, line by line,
 * into records. Its channel stays open while it is read, so a renamed or deleted file is still read
 * to its end; an idle one can be parked (closed) and reopened by identity.
 * Whether the content was replaced (truncated, rewritten) is for the caller to ask. A byte-order
 * mark says the encoding: UTF-8 (the mark is skipped), or UTF-16 in either byte order, read two
 * bytes at a time; without one, UTF-8.
 */
final class FileTailer implements AutoCloseable {
    /** One read buffer per reading thread, not per file: thousands of files are followed at once. */
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(64 * 1024));

    private Path path;
    /**
     * A plain file (tailable), or the decompressed stream of a {@code .gz} file (read once, never
     * replaced); null while parked.
     */
    private ReadableByteChannel channel;
    private final boolean plain;
    private final String fileKey;
    private String fingerprint;
    private final IngestOptions options;
    private MultilineAssembler assembler;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lineCut;
    private long consumed;
    private long emitted;
    private long lastDataNanos = System.nanoTime();
    private long sizeAtLastLook = -1;
    private final Consumer<RawRecord> tracker;
    /**
     * The first bytes this content started with (up to {@value Fingerprint#SIZE}; more as a short file
     * grows): if the file stops starting with them, the content was replaced.
     */
    private byte[] head;
    private final Encoding encoding;
    /** How much of what was read last is kept to check that the file still holds it. */
    static final int TAIL_BYTES = 32;
    /**
     * The bytes read just before {@link #consumed}: a file rewritten in place with the same first line
     * and more bytes (a log re-created on a reused inode) no longer holds them there.
     */
    private byte[] tail = new byte[0];

    private FileTailer(Path path, ReadableByteChannel channel, String fileKey, byte[] head, long offset,
                       IngestOptions options) throws IOException {
        this.path = path;
        this.channel = channel;
        this.plain = channel instanceof FileChannel;
        this.fileKey = fileKey;
        this.head = head;
        this.fingerprint = Fingerprint.of(head);
        this.options = options;
        this.assembler = new MultilineAssembler(path.toString(), fileKey, fingerprint);
        this.consumed = offset;
        this.emitted = offset;
        this.tracker = r -> {
            if (!r.has(RawRecord.FIRST_LINE)) {
                emitted = r.endOffset();
            }
        };
        this.encoding = Encoding.of(head);
        if (offset < encoding.mark) {
            // the mark is not text: reading starts after it
            this.consumed = encoding.mark;
            this.emitted = encoding.mark;
        }
        if (channel instanceof FileChannel file) {
            file.position(consumed);
            byte[] before = Tails.bytes(file, consumed);
            tail = before == null ? new byte[0] : before;
        } else {
            skip(channel, consumed);
        }
    }

    /**
     * How the bytes of a file are text, as its byte-order mark says; {@code mark} is that mark's
     * length. Without a mark, UTF-16 is recognised by its zero bytes (ASCII text in UTF-16 has one
     * in every other byte, which UTF-8 text never has); anything else is read as UTF-8.
     */
    enum Encoding {
        UTF_8(StandardCharsets.UTF_8, 0),
        UTF_8_MARKED(StandardCharsets.UTF_8, 3),
        UTF_16LE(StandardCharsets.UTF_16LE, 2),
        UTF_16BE(StandardCharsets.UTF_16BE, 2),
        UTF_16LE_UNMARKED(StandardCharsets.UTF_16LE, 0),
        UTF_16BE_UNMARKED(StandardCharsets.UTF_16BE, 0);

        final java.nio.charset.Charset charset;
        final int mark;

        Encoding(java.nio.charset.Charset charset, int mark) {
            this.charset = charset;
            this.mark = mark;
        }

        boolean wide() {
            return charset != StandardCharsets.UTF_8;
        }

        /** Where, in a two-byte unit, the low byte is: 0 for little-endian, 1 for big-endian. */
        int low() {
            return charset == StandardCharsets.UTF_16LE ? 0 : 1;
        }

        static Encoding of(byte[] start) {
            if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
                return UTF_8_MARKED;
            }
            if (start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
                return UTF_16LE;
            }
            if (start.length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
                return UTF_16BE;
            }
            return unmarked(start);
        }

        /** UTF-16 when at least a third of the units have a zero in one half and almost none in the other. */
        private static Encoding unmarked(byte[] start) {
            int units = start.length / 2;
            if (units < 4) {
                return UTF_8;
            }
            int zeroFirst = 0;
            int zeroSecond = 0;
            for (int i = 0; i + 1 < start.length; i += 2) {
                zeroFirst += start[i] == 0 ? 1 : 0;
                zeroSecond += start[i + 1] == 0 ? 1 : 0;
            }
            if (zeroSecond * 3 >= units && zeroFirst * 20 <= units) {
                return UTF_16LE_UNMARKED;
            }
            if (zeroFirst * 3 >= units && zeroSecond * 20 <= units) {
                return UTF_16BE_UNMARKED;
            }
            return UTF_8;
        }
    }

    private static void skip(ReadableByteChannel channel, long bytes) throws IOException {
        ByteBuffer discard = ByteBuffer.allocate(64 * 1024);
        long left = bytes;
        while (left > 0) {
            discard.clear().limit((int) Math.min(discard.capacity(), left));
            int n = channel.read(discard);
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    /** Takes over an open channel and reads it from {@code offset} (in uncompressed bytes for a {@code .gz}). */
    static FileTailer at(Path path, ReadableByteChannel channel, String fileKey, byte[] head, long offset,
                         IngestOptions options) throws IOException {
        return new FileTailer(path, channel, fileKey, head, offset, options);
    }

    static String fileKey(Path path) throws IOException {
        return fileKey(path, Files.readAttributes(path, BasicFileAttributes.class));
    }

    static String fileKey(Path path, BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return key != null ? key.toString() : "path:" + path;
    }

    static FileChannel open(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    static boolean compressed(Path path) {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** The decompressed content of a {@code .gz} file. */
    static ReadableByteChannel openCompressed(Path path) throws IOException {
        return Channels.newChannel(new GZIPInputStream(Files.newInputStream(path), 64 * 1024));
    }

    String source() {
        return path.toString();
    }

    Path path() {
        return path;
    }

    String fileKey() {
        return fileKey;
    }

    String fingerprint() {
        return fingerprint;
    }

    byte[] head() {
        return head;
    }

    /** The bytes just before {@link #emittedOffset()}, as a checkpoint keeps them; null when they cannot be read. */
    String tailBeforeEmitted() {
        if (!(channel instanceof FileChannel file) || !file.isOpen()) {
            return null;
        }
        try {
            return Tails.before(file, emitted);
        } catch (IOException e) {
            return null;
        }
    }

    /** End of the last record handed out: what a copy of this content resumes from. */
    long emittedOffset() {
        return emitted;
    }

    /** Records that may be decisive are handed ahead by their first line, before they are whole (live reading). */
    void firstLinesAhead() {
        assembler.firstLinesAhead();
    }

    /** Closes the file and keeps where reading is, so that thousands of idle files hold no descriptor. */
    void park() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    boolean parked() {
        return channel == null;
    }

    /**
     * Opens the file again at its path, where reading stopped, if it is still this file (its key);
     * whether its content is still the one read is checked as for an open file.
     *
     * @return false when the file there is gone or another one: nothing more can be read from it
     */
    boolean unpark() throws IOException {
        if (channel != null) {
            return true;
        }
        if (!plain) {
            ReadableByteChannel reopened = openCompressed(path);
            skip(reopened, consumed);
            channel = reopened;
            return true;
        }
        try {
            if (!fileKey(path).equals(fileKey)) {
                return false;
            }
            FileChannel file = open(path);
            file.position(consumed);
            channel = file;
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    /** Bytes read so far (uncompressed for a {@code .gz}): a parked file longer or shorter than this has changed. */
    long readOffset() {
        return consumed;
    }

    boolean compressedContent() {
        return !plain;
    }

    /** How long nothing new came from the file. */
    long idleNanos() {
        return System.nanoTime() - lastDataNanos;
    }

    void movedTo(Path newPath) {
        if (!newPath.equals(path)) {
            path = newPath;
            assembler = assembler.movedTo(newPath.toString());
        }
    }

    /**
     * The file no longer holds, just before where reading reached, the bytes read there: it was
     * rewritten in place (same first line, not shorter). Its content is new, from its start.
     */
    boolean overwritten() throws IOException {
        if (!(channel instanceof FileChannel file) || tail.length == 0) {
            return false;
        }
        return !Arrays.equals(Tails.bytes(file, consumed), tail);
    }

    /** Whether the file is as long as what was read, as it was at the last look: nothing happened to it, most likely. */
    boolean sameSizeAsLastLook() throws IOException {
        if (!(channel instanceof FileChannel file)) {
            return true;
        }
        long size = file.size();
        boolean same = size == consumed && size == sizeAtLastLook;
        sizeAtLastLook = size;
        return same;
    }

    /** The file was truncated or rewritten under us: what we were reading is gone from it. */
    boolean contentReplaced() throws IOException {
        if (!(channel instanceof FileChannel file)) {
            return false; // a compressed file is a finished one
        }
        if (file.size() < consumed) {
            return true;
        }
        byte[] now = Fingerprint.head(file);
        if (!Fingerprint.startsWith(now, head)) {
            return true;
        }
        if (now.length > head.length) {
            // a short file grew: identified by more of its bytes from now on
            head = now;
            fingerprint = Fingerprint.of(now);
            assembler.identified(fingerprint);
        }
        return false;
    }

    /**
     * Reads what is available and hands every complete record to {@code out}, which may block
     * (back-pressure: the file is the buffer). {@code endOfInput} also completes a last line
     * without newline and a held multi-line record.
     */
    void poll(Consumer<RawRecord> out, boolean endOfInput) throws IOException {
        read(out, Integer.MAX_VALUE, Integer.MAX_VALUE);
        if (endOfInput) {
            finish(out);
        }
    }

    /**
     * Reads at most one buffer of bytes.
     *
     * @return false at the end of the file
     */
    boolean readChunk(Consumer<RawRecord> out, int maxBytes) throws IOException {
        return read(out, 1, maxBytes);
    }

    /** After a quiet period the held record and an unterminated last line are complete. */
    void flushIfQuiet(Consumer<RawRecord> out) {
        if (System.nanoTime() - lastDataNanos >= options.quiet().toNanos()) {
            finish(out);
        }
    }

    /** End of input: an unterminated last line and a held record are complete. */
    void finish(Consumer<RawRecord> out) {
        Consumer<RawRecord> both = tracker.andThen(out);
        if (lineLength > 0 || lineCut) {
            emitLine(consumed, both);
        }
        assembler.flush(both);
    }

    private boolean read(Consumer<RawRecord> out, int maxReads, int maxBytes) throws IOException {
        Consumer<RawRecord> both = tracker.andThen(out);
        long position = consumed;
        ByteBuffer buffer = BUFFER.get();
        for (int reads = 0; reads < maxReads; reads++) {
            buffer.clear().limit(Math.min(buffer.capacity(), Math.max(2, maxBytes)));
            int n = channel.read(buffer);
            if (n <= 0) {
                return false;
            }
            if (channel instanceof FileChannel file && (contentReplaced() || overwritten())) {
                // truncated and rewritten around this read: these bytes may be the new content, read
                // from the old offset. Dropped: the old content's rest is in the copy the rotation made.
                file.position(consumed);
                return false;
            }
            lastDataNanos = System.nanoTime();
            byte[] bytes = buffer.array();
            int start = 0;
            if (encoding.wide()) {
                if ((n & 1) == 1) {
                    // half a code unit: read again with the next one, so that a line always ends on a unit
                    n--;
                    ((FileChannel) channel).position(position + n);
                    if (n == 0) {
                        return false;
                    }
                }
                int newline = encoding.low();
                for (int i = 0; i + 1 < n; i += 2) {
                    if (bytes[i + newline] == '\n' && bytes[i + 1 - newline] == 0) {
                        append(bytes, start, i - start);
                        position += i - start + 2;
                        emitLine(position, both);
                        start = i + 2;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        append(bytes, start, i - start);
                        position += i - start + 1;
                        emitLine(position, both);
                        start = i + 1;
                    }
                }
            }
            append(bytes, start, n - start);
            position += n - start;
            consumed = position;
            keepTail(bytes, n);
        }
        return true;
    }

    /** The last {@value #TAIL_BYTES} bytes read, with what was kept before when this read was shorter. */
    private void keepTail(byte[] bytes, int n) {
        if (n >= TAIL_BYTES) {
            tail = Arrays.copyOfRange(bytes, n - TAIL_BYTES, n);
            return;
        }
        int keep = Math.min(tail.length, TAIL_BYTES - n);
        byte[] next = Arrays.copyOf(Arrays.copyOfRange(tail, tail.length - keep, tail.length), keep + n);
        System.arraycopy(bytes, 0, next, keep, n);
        tail = next;
    }

    private void append(byte[] bytes, int from, int length) {
        int room = options.maxLineBytes() - lineLength;
        if (length > room) {
            lineCut = true;
            length = Math.max(0, room);
        }
        if (length == 0) {
            return;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.min(options.maxLineBytes(), Math.max(line.length * 2, lineLength + length)));
        }
        System.arraycopy(bytes, from, line, lineLength, length);
        lineLength += length;
    }

    private void emitLine(long endOffset, Consumer<RawRecord> out) {
        int len = lineLength;
        int flags = lineCut ? RawRecord.TRUNCATED : 0;
        String text;
        if (encoding.wide()) {
            int cr = len - 2 + encoding.low();
            if (len >= 2 && line[cr] == '\r' && line[len - 1 - encoding.low()] == 0) {
                len -= 2;
            }
            text = new String(line, 0, len & ~1, encoding.charset);
        } else {
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            boolean valid = Utf8.valid(line, len);
            flags |= valid ? 0 : RawRecord.INVALID_UTF8;
            text = new String(line, 0, len, StandardCharsets.UTF_8);
            if (!valid) {
                text = text.replace('\u0000', '\uFFFD'); // counted with the invalid bytes, never stored
            }
        }
        lineLength = 0;
        lineCut = false;
        assembler.line(text, endOffset, flags, out);
    }

    @Override
    public void close() throws IOException {
        park();
    }
}
