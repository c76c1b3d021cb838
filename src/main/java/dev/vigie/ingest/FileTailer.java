package dev.vigie.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads one file from a byte offset, line by line, into records. Keeps its channel open, so that
 * after a rename-and-create rotation the old file is read to its end before the new one is opened;
 * a file shorter than the offset (copy-truncate) is read again from 0.
 */
final class FileTailer implements AutoCloseable {
    static final int MAX_LINE_BYTES = 1 << 20;

    private final Path path;
    private final String source;
    private FileChannel channel;
    private String fileKey;
    private long offset;
    private MultilineAssembler assembler;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private byte[] line = new byte[8 * 1024];
    private int lineLength;
    private long lineStart;
    private long lastDataNanos = System.nanoTime();

    FileTailer(Path path, CheckpointSource checkpoints) throws IOException {
        this.path = path;
        this.source = path.toString();
        open(checkpoints);
    }

    static String fileKey(Path path) throws IOException {
        Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        return key != null ? key.toString() : "path:" + path;
    }

    private void open(CheckpointSource checkpoints) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        fileKey = fileKey(path);
        offset = checkpoints.checkpoint(source)
                .filter(c -> c.fileKey().equals(fileKey))
                .map(Checkpoint::offset)
                .filter(o -> {
                    try {
                        return o <= channel.size();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .orElse(0L);
        channel.position(offset);
        assembler = new MultilineAssembler(source, fileKey);
        lineLength = 0;
        lineStart = offset;
    }

    String source() {
        return source;
    }

    /**
     * Reads what is available and hands every complete record to {@code out}, which may block
     * (back-pressure: the file is the buffer). {@code endOfInput} flushes a last line without
     * newline and a held multi-line record, as at the end of a one-shot read.
     *
     * @return number of lines read
     */
    int poll(Consumer<RawRecord> out, boolean endOfInput) throws IOException {
        int lines = readAvailable(out);
        if (rotated()) {
            lines += finishLine(out) ? 1 : 0;
            assembler.flush(out);
            channel.close();
            open(CheckpointSource.NONE);
            lines += readAvailable(out);
        }
        if (endOfInput) {
            lines += finish(out);
        }
        return lines;
    }

    /** After a quiet period the held record and an unterminated last line are complete. */
    int flushIfQuiet(Consumer<RawRecord> out, long quietNanos) {
        if (System.nanoTime() - lastDataNanos < quietNanos) {
            return 0;
        }
        return finish(out);
    }

    /**
     * Reads at most one buffer of bytes.
     *
     * @return lines read, or -1 at the end of the file
     */
    int readChunk(Consumer<RawRecord> out) throws IOException {
        return read(out, 1);
    }

    /** End of input: an unterminated last line and a held record are complete. */
    int finish(Consumer<RawRecord> out) {
        int lines = finishLine(out) ? 1 : 0;
        assembler.flush(out);
        return lines;
    }

    private int readAvailable(Consumer<RawRecord> out) throws IOException {
        return Math.max(0, read(out, Integer.MAX_VALUE));
    }

    private int read(Consumer<RawRecord> out, int maxReads) throws IOException {
        if (channel.size() < channel.position()) {
            // copy-truncate: the file was emptied under us; everything in it now is new
            channel.position(0);
            lineLength = 0;
            lineStart = 0;
            assembler = new MultilineAssembler(source, fileKey);
        }
        int lines = 0;
        long position = channel.position();
        for (int reads = 0; reads < maxReads; reads++) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n <= 0) {
                return reads == 0 ? -1 : lines;
            }
            lastDataNanos = System.nanoTime();
            byte[] bytes = buffer.array();
            for (int i = 0; i < n; i++) {
                position++;
                byte b = bytes[i];
                if (b == '\n') {
                    emitLine(position, out);
                    lines++;
                } else if (lineLength < MAX_LINE_BYTES) {
                    if (lineLength == line.length) {
                        line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
                    }
                    line[lineLength++] = b;
                }
            }
        }
        return lines;
    }

    private boolean finishLine(Consumer<RawRecord> out) {
        if (lineLength == 0) {
            return false;
        }
        emitLine(lineStart + lineLength, out);
        return true;
    }

    private void emitLine(long endOffset, Consumer<RawRecord> out) {
        int len = lineLength;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        String text = new String(line, 0, len, StandardCharsets.UTF_8);
        lineLength = 0;
        lineStart = endOffset;
        assembler.line(text, endOffset, out);
    }

    private boolean rotated() throws IOException {
        try {
            return !Objects.equals(fileKey(path), fileKey);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    boolean exists() {
        return Files.exists(path);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
