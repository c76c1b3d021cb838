package dev.vigie.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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

    /** Opens every file of the sources, in path order; a file that cannot be opened is reported and skipped. */
    public static List<RecordStream> open(SourcePaths paths, CheckpointSource checkpoints,
                                          java.util.function.BiConsumer<String, IOException> unreadable) throws IOException {
        List<RecordStream> out = new ArrayList<>();
        for (Path file : paths.files()) {
            try {
                out.add(new RecordStream(new FileTailer(file, checkpoints)));
            } catch (IOException e) {
                unreadable.accept(file.toString(), e);
            }
        }
        return out;
    }

    public String source() {
        return tailer.source();
    }

    /** @return the next record, or null at the end of the file */
    public RawRecord next() throws IOException {
        while (ready.isEmpty() && !ended) {
            if (tailer.readChunk(ready::add) < 0) {
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
