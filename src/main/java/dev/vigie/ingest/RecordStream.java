package dev.vigie.ingest;

import dev.vigie.config.IngestOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One file read from its checkpoint to its end, a record at a time, so that a one-shot run can
 * merge many files in event-time order while holding only a small buffer per file and at most
 * the open-file limit of descriptors (the others parked until their turn).
 */
public final class RecordStream implements AutoCloseable {
    /** What all the streams of a run hold read ahead, at most: each file gets its share of it. */
    private static final int READ_AHEAD_BYTES = 32 << 20;

    private final FileTailer tailer;
    private final OpenFiles files;
    private final int chunkBytes;
    private final BiConsumer<String, IOException> unreadable;
    private final ArrayDeque<RawRecord> ready = new ArrayDeque<>();
    private boolean ended;

    private RecordStream(FileTailer tailer, OpenFiles files, int chunkBytes, BiConsumer<String, IOException> unreadable) {
        this.tailer = tailer;
        this.files = files;
        this.chunkBytes = chunkBytes;
        this.unreadable = unreadable;
    }

    /**
     * Opens every file of the sources, in path order. A copy of a file also read in this run is
     * skipped (its lines come from the original); a file that cannot be opened is reported and skipped.
     */
    public static List<RecordStream> open(SourcePaths paths, CheckpointSource checkpoints, IngestOptions options,
                                          BiConsumer<String, IOException> unreadable) throws IOException {
        FileResolver resolver = new FileResolver(checkpoints);
        OpenFiles files = new OpenFiles(options.maxOpenFiles());
        List<FileTailer> opened = new ArrayList<>();
        for (Path file : paths.files()) {
            FileChannel channel = null;
            try {
                boolean gz = FileTailer.compressed(file);
                String key = FileTailer.fileKey(file);
                files.makeRoom();
                if (!gz) {
                    channel = FileTailer.open(file);
                }
                byte[] head = gz ? Fingerprint.headOfCompressed(file) : Fingerprint.head(channel);
                if (head.length == 0) {
                    close(channel);
                    continue; // empty
                }
                FileResolver.Decision d = resolver.resolve(file, gz ? Long.MAX_VALUE : channel.size(), key, head,
                        opened, new ArrayList<>());
                if (d.deferred()) {
                    close(channel);
                    continue;
                }
                FileTailer t = FileTailer.at(file, gz ? FileTailer.openCompressed(file) : channel, key, head, d.offset(),
                        options);
                opened.add(t);
                files.opened(t);
            } catch (IOException e) {
                close(channel);
                unreadable.accept(file.toString(), e);
            }
        }
        int chunk = Math.max(4096, Math.min(64 * 1024, READ_AHEAD_BYTES / Math.max(1, opened.size())));
        return opened.stream().map(t -> new RecordStream(t, files, chunk, unreadable)).toList();
    }

    private static void close(FileChannel channel) throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    public String source() {
        return tailer.source();
    }

    /** @return the next record, or null at the end of the file */
    public RawRecord next() throws IOException {
        while (ready.isEmpty() && !ended) {
            if (!files.use(tailer)) {
                unreadable.accept(tailer.source(), new IOException("deleted or replaced while waiting for its turn to be read"));
                end();
            } else if (tailer.readChunk(ready::add, chunkBytes)) {
                files.gaveData(tailer);
            } else {
                end();
            }
        }
        return ready.poll();
    }

    /** What is held is complete, and the file's descriptor is freed for the others. */
    private void end() throws IOException {
        tailer.finish(ready::add);
        ended = true;
        files.park(tailer);
    }

    @Override
    public void close() throws IOException {
        files.closed(tailer);
        tailer.close();
    }
}
