package dev.vigie.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HexFormat;

/** The bytes a file holds just before an offset, as hex: what a checkpoint checks the content by when it is found again. */
final class Tails {
    private Tails() {
    }

    /** @return null when the file is gone, is another file now, is compressed, or the offset is its start */
    static String before(Path path, String fileKey, long offset) {
        if (offset <= 0 || FileTailer.compressed(path)) {
            return null;
        }
        try {
            if (!FileTailer.fileKey(path).equals(fileKey)) {
                return null;
            }
            try (FileChannel ch = FileTailer.open(path)) {
                return before(ch, offset);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** @return null when the file is shorter than the offset */
    static String before(FileChannel ch, long offset) throws IOException {
        byte[] b = bytes(ch, offset);
        return b == null ? null : HexFormat.of().formatHex(b);
    }

    /**
     * The last {@value FileTailer#TAIL_BYTES} bytes (fewer near the start) before {@code offset};
     * null when the file is shorter than the offset.
     */
    static byte[] bytes(FileChannel ch, long offset) throws IOException {
        int n = (int) Math.min(FileTailer.TAIL_BYTES, offset);
        if (ch.size() < offset) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, offset - n + b.position()) <= 0) {
                return null;
            }
        }
        return b.array();
    }
}
