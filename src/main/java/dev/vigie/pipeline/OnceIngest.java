package dev.vigie.pipeline;

import dev.vigie.config.Settings;
import dev.vigie.event.CheckRate;
import dev.vigie.event.LogEvent;
import dev.vigie.incident.FactsReport;
import dev.vigie.ingest.RawRecord;
import dev.vigie.ingest.RecordStream;
import dev.vigie.ingest.SourcePaths;
import dev.vigie.pipeline.client.Counts;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * {@code vigie ingest --once}: reads every file from its checkpoint to its end, merging the files
 * in event-time order so that the result does not depend on which file was read first, runs every
 * stage including the analysts, and commits as it goes.
 */
public final class OnceIngest {
    static final int BATCH_EVENTS = 5_000;
    /** A batch of very long lines is committed sooner: memory stays bounded whatever the input. */
    static final long BATCH_CHARS = 16L << 20;

    /** What this run read and found. */
    public record Summary(long lines, long events, long rejected, long anomalies, long incidents,
                          Map<String, String> unreadable, List<CheckRate> checks) {
    }

    private record Head(Instant time, int stream, long seq, RawRecord record, LogEvent event) {
    }

    private OnceIngest() {
    }

    /** Reads the paths into the engine's store; the engine stays open for the caller. */
    public static Summary run(Engine engine, List<String> paths) throws IOException {
        Settings settings = engine.settings();
        Store store = engine.store();
        List<FactsReport> closed = new ArrayList<>(engine.finishLeftOver());
        PipelineStats stats = new PipelineStats();
        Pipeline pipeline = engine.pipeline(new EventBus(), stats, closed::add);

        Map<String, String> unreadable = new TreeMap<>();
        List<RecordStream> streams = RecordStream.open(new SourcePaths(paths, settings.includeCompressed()), store,
                settings.ingest(), (source, e) -> unreadable.put(source, e.toString()));
        try {
            merge(streams, pipeline, store);
        } finally {
            for (RecordStream s : streams) {
                s.close();
            }
        }
        unreadable.forEach(pipeline::onSourceError);
        pipeline.finish();
        store.write(pipeline.takeBatch());
        store.indexAll();
        for (FactsReport facts : closed) {
            StoreBatch b = new StoreBatch();
            b.report(engine.reports().analyse(facts));
            store.write(b);
        }
        Counts s = stats.snapshot();
        return new Summary(s.lines(), s.events(), s.rejected(), s.anomalies(), s.incidents(), unreadable,
                pipeline.checkRates());
    }

    private static void merge(List<RecordStream> streams, Pipeline pipeline, Store store) throws IOException {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::time)
                .thenComparingInt(Head::stream).thenComparingLong(Head::seq));
        long[] seq = new long[streams.size()];
        for (int i = 0; i < streams.size(); i++) {
            refill(i, streams.get(i), pipeline, heads, seq);
        }
        int sinceCommit = 0;
        while (!heads.isEmpty()) {
            Head h = heads.poll();
            pipeline.onParsed(h.record(), h.event());
            refill(h.stream(), streams.get(h.stream()), pipeline, heads, seq);
            if (++sinceCommit >= BATCH_EVENTS || pipeline.pendingBatchChars() > BATCH_CHARS) {
                store.write(pipeline.takeBatch());
                sinceCommit = 0;
            }
        }
    }

    /** Puts the stream's next usable event in the queue; records with nothing usable are counted on the way. */
    private static void refill(int index, RecordStream stream, Pipeline pipeline, PriorityQueue<Head> heads, long[] seq)
            throws IOException {
        RawRecord r;
        while ((r = stream.next()) != null) {
            LogEvent e = pipeline.parse(r);
            if (e != null) {
                heads.add(new Head(e.time(), index, seq[index]++, r, e));
                return;
            }
            pipeline.onParsed(r, null);
        }
    }
}
