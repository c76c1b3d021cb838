package dev.vigie.ingest;

import dev.vigie.config.IngestOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One file read from its checkpoint to its end, a record at a time, so that a one-shot run can
 * merge many files in event-time order while holding only a buffer per file.
 */
public final class RecordStream implements AutoCloseable {
    private final FileTailer tailer;
    private final ArrayDeque<RawRecord> ready = new ArrayDeque<>();
    private boolean ended;

    private RecordStream(FileTailer tailer) {
        this.tailer = tailer;
    }

    /**
     * Opens every file of the sources, in path order. A copy of a file also read in this run is
     * skipped (its lines come from the original); a file that cannot be opened is reported and skipped.
     */
    public static List<RecordStream> open(SourcePaths paths, CheckpointSource checkpoints, IngestOptions options,
                                          BiConsumer<String, IOException> unreadable) throws IOException {
        FileResolver resolver = new FileResolver(checkpoints);
        List<FileTailer> opened = new ArrayList<>();
        for (Path file : paths.files()) {
            FileChannel channel = null;
            try {
                boolean gz = FileTailer.compressed(file);
                String key = FileTailer.fileKey(file);
                if (!gz) {
                    channel = FileTailer.open(file);
                }
                String fingerprint = gz ? Fingerprint.ofCompressed(file) : Fingerprint.of(channel, true);
                if (fingerprint == null) {
                    close(channel);
                    continue; // empty
                }
                FileResolver.Decision d = resolver.resolve(file, gz ? Long.MAX_VALUE : channel.size(), key, fingerprint,
                        opened, new HashMap<>());
                if (d.deferred()) {
                    close(channel);
                    continue;
                }
                opened.add(FileTailer.at(file, gz ? FileTailer.openCompressed(file) : channel, key, fingerprint, d.offset(),
                        options));
            } catch (IOException e) {
                close(channel);
                unreadable.accept(file.toString(), e);
            }
        }
        return opened.stream().map(RecordStream::new).toList();
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
            if (!tailer.readChunk(ready::add)) {
                tailer.finish(ready::add);
                ended = true;
            }
        }
        return ready.poll();
    }

    @Override
    public void close() throws IOException {
        tailer.close();
    }
}
