package dev.vigie.pipeline;

import dev.vigie.agent.OllamaGateway;
import dev.vigie.chat.ChatService;
import dev.vigie.config.DetectorSettings;
import dev.vigie.config.Settings;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ReporterToken;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.ingest.RawRecord;
import dev.vigie.ingest.SourcePaths;
import dev.vigie.ingest.Tailing;
import dev.vigie.event.SimilarIncident;
import dev.vigie.parse.LogParser;
import dev.vigie.pipeline.client.EngineSnapshot;
import dev.vigie.pipeline.client.ModelStatus;
import dev.vigie.report.IncidentReport;
import dev.vigie.report.ReportStage;
import dev.vigie.sim.EventClock;
import dev.vigie.sim.LogReplayer;
import dev.vigie.sim.MetricSimulator;
import dev.vigie.sim.ReplayClock;
import dev.vigie.sim.SampleLogGenerator;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine, running: tailers and the simulator feed one bounded queue (a full queue stops the
 * tailers: the file is the buffer); one pipeline thread runs the facts level in order; one writer
 * thread commits batches; a small pool runs the report stage. Everything it does is published on
 * its bus. Clients read and drive it through {@link #client()}.
 * It owns the engine it is given and closes it.
 */
public final class LiveRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuntime.class);
    static final int INPUT_CAPACITY = 10_000;
    static final int INPUT_CHARS = 32 << 20;
    private static final int BATCH_ITEMS = 2_000;
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long TICK_MILLIS = 100;
    private static final long MEMORY_SECONDS = 5;
    /** A report whose files could not be written (a full disk) is tried again this often. */
    private static final long REPORT_RETRY_SECONDS = 10;
    /** At max replay speed, event time advances by this much whenever the pipeline has room. */
    private static final Duration MAX_SPEED_STEP = Duration.ofMinutes(1);

    private record SourceError(String source, String error) {
    }

    /** New settings for the metric checks, applied on the pipeline thread in turn with the data. */
    private record DetectorChange(DetectorSettings settings) {
    }

    private final Engine engine;
    private final Settings settings;
    private final EventBus bus = new EventBus();
    private final PipelineStats stats = new PipelineStats();
    private final RecentActivity recent = new RecentActivity(bus);
    private final InputQueue input = new InputQueue(INPUT_CAPACITY, INPUT_CHARS);
    private final BlockingQueue<StoreBatch> toWriter = new ArrayBlockingQueue<>(64);
    private final BatchWriter writer;
    private final Store store;
    private final LiveClient client;
    private final Pipeline pipeline;
    private final Tailing tailing;
    private final LogReplayer replayer;
    private final EventClock clock;
    /** The replay's controls (speed, pause, step, seek); null when sources follow the wall clock. */
    private final ReplayClock replay;
    private final MetricSimulator simulator;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, daemon("vigie-sources"));
    private final ExecutorService agents = Executors.newFixedThreadPool(2, daemon("vigie-agent"));
    private final ScheduledExecutorService indexer = Executors.newSingleThreadScheduledExecutor(daemon("vigie-index"));
    /** The memory learns what was stored, on a thread of its own: embedding costs about 15 ms a record. */
    private final ScheduledExecutorService remembering = Executors.newSingleThreadScheduledExecutor(daemon("vigie-memory"));
    private volatile String memoryProblem;
    private static final int SIMILAR = 5;
    private final AtomicLong openIncidents = new AtomicLong();
    private final AtomicLong analysisErrors = new AtomicLong();
    private volatile DetectorSettings detectorSettings;
    private volatile boolean running;
    private boolean closed;
    private volatile boolean writing;
    private Thread pipelineThread;
    private Thread writerThread;
    private Instant nextStep;

    /** @throws IOException when the replay cannot start; the engine is closed then */
    public LiveRuntime(Engine engine) throws IOException {
        try {
            this.engine = engine;
            this.settings = engine.settings();
            this.detectorSettings = settings.detector();
            Clock wall = engine.clock();
            this.store = engine.store();
            this.writer = new BatchWriter(toWriter, store::write);
            engine.team().onReporterTokens((incident, text) -> bus.publish(new ReporterToken(incident, text)));
            this.pipeline = engine.pipeline(bus, stats, this::analyseLater);

            List<String> sources = new ArrayList<>(settings.sources());
            if (settings.replayDir() != null && Files.isDirectory(settings.replayDir())) {
                LogParser times = new LogParser(wall);
                replayer = LogReplayer.open(settings.replayDir(), settings.replaySpoolDir(), times::timeOf);
                replay = new ReplayClock(replayer.resumeTime(), settings.replaySpeed(), wall);
                sources.add(replayer.spool().toString());
            } else {
                replayer = null;
                // a simulation alone starts now and can be sped up, paused and stepped like a replay
                replay = settings.simulator() ? new ReplayClock(wall.instant(), 1, wall) : null;
            }
            clock = replay != null ? replay : wall::instant;
            simulator = settings.simulator()
                    ? new MetricSimulator(SampleLogGenerator.DEFAULT_SEED, replayer != null ? MetricSimulator.SAMPLE_DAY : List.of())
                    : null;
            ChatService chat = new ChatService(store, engine::memory, engine.settings().zone(), java.time.Clock.systemUTC())
                    .withModel(engine.settings().ollamaUrl(), () -> engine.team().lastHealth().model(), () -> engine.team().lastHealth().up());
            client = new LiveClient(this, chat, recent, bus, clock, replay, simulator);
            tailing = new Tailing(new SourcePaths(sources, settings.includeCompressed()), store, settings.ingest(), this::enqueue,
                    (source, error) -> input.offer(new SourceError(source, error)));
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** Publishes everything the engine does, on the engine's threads. */
    public EventBus bus() {
        return bus;
    }

    public Store store() {
        return store;
    }

    public Settings settings() {
        return settings;
    }

    /** The simulator, or null when none runs. */
    public MetricSimulator simulator() {
        return simulator;
    }

    /** Speed, pause, step and seek of the replay or simulation; null when the sources follow the wall clock. */
    public ReplayClock replay() {
        return replay;
    }

    /** What clients (the cockpit) read and ask of this runtime. */
    public LiveClient client() {
        return client;
    }

    /** The settings the live metric checks use now. */
    DetectorSettings detectorSettings() {
        return detectorSettings;
    }

    /** The live metric checks take these settings once the pipeline has handled what is queued before them. */
    void reconfigure(DetectorSettings with) {
        enqueue(new DetectorChange(with));
    }

    /** Queues a batch for the writer thread, behind what the pipeline produced before it. */
    void write(StoreBatch b) {
        try {
            toWriter.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopping", e);
        }
    }

    Clock wallClock() {
        return engine.clock();
    }

    /** The engine's counts and state now; any thread. */
    EngineSnapshot snapshot() {
        OllamaGateway.Health h = engine.team().lastHealth();
        Map<String, String> unreadable = new TreeMap<>(tailing.errors());
        List<String> waiting = unreadable.entrySet().stream().filter(e -> e.getValue().equals(Tailing.WAITING))
                .map(Map.Entry::getKey).toList();
        waiting.forEach(unreadable::remove);
        return new EngineSnapshot(stats.snapshot(), clock.now(), input.size(), openIncidents.get(),
                replayer == null ? 0 : replayer.replayed(), replayer == null ? 0 : replayer.total(),
                replay == null ? 1 : replay.speed(), replay != null && replay.paused(),
                new ModelStatus(h.up(), h.model(), h.models().size(), h.error()), writer.dropped(), analysisErrors.get(),
                unreadable, pipeline.checkRates(), engine.reports().notifications(), writer.problem(), waiting,
                memoryProblem == null ? "" : memoryProblem);
    }

    public synchronized void start() throws IOException {
        running = true;
        writing = true;
        pipelineThread = thread("vigie-pipeline", this::pipelineLoop);
        writerThread = thread("vigie-store", this::writerLoop);
        tailing.start();
        agents.submit(engine.team()::health);
        engine.finishLeftOver().forEach(this::analyseLater);
        indexer.scheduleWithFixedDelay(this::indexTick, 0, 300, TimeUnit.MILLISECONDS);
        remembering.scheduleWithFixedDelay(this::memoryTick, MEMORY_SECONDS, MEMORY_SECONDS, TimeUnit.SECONDS);
        if (simulator != null) {
            nextStep = MetricSimulator.alignToStep(clock.now());
        }
        if (replay != null) {
            scheduler.scheduleWithFixedDelay(this::sourcesTick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void enqueue(Object item) {
        try {
            input.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopping", e);
        }
    }

    /**
     * Delivers what the replay and the simulator hold up to the clock's event time. At max speed the
     * clock is moved here, a step at a time, for as long as the pipeline keeps its queue short: as
     * fast as it goes, and never faster than it can take; once recordings are read to their end, at
     * real time (a simulator alone goes on at max speed).
     */
    private void sourcesTick() {
        if (replay.speed() == ReplayClock.MAX && recordingsOver()) {
            // nothing left to go fast through: from the recordings' end, event time follows the wall clock
            replay.setSpeed(1);
            LOG.info("the recordings are replayed to their end: event time now runs at real time");
        }
        if (replay.speed() != ReplayClock.MAX) {
            deliver();
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
        while (running && input.size() < INPUT_CAPACITY / 4 && System.nanoTime() < deadline && !recordingsOver()
                && replay.advanceAtMax(MAX_SPEED_STEP)) {
            deliver();
        }
    }

    private boolean recordingsOver() {
        return replayer != null && replayer.replayed() >= replayer.total();
    }

    private void deliver() {
        if (replayer != null) {
            replayTick();
        }
        if (simulator != null) {
            simulatorTick();
        }
    }

    private void replayTick() {
        try {
            if (replayer.advanceTo(clock.now()) > 0) {
                tailing.wake();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("replay failed: {}", e.toString());
        }
    }

    /** The search index follows the stored events on its own thread, catching up whenever it is behind. */
    private void indexTick() {
        try {
            while (running && store.indexPending(5_000) > 0) {
                // next chunk
            }
        } catch (RuntimeException e) {
            LOG.warn("search indexing failed, retrying: {}", e.toString());
        }
    }

    private void memoryTick() {
        try {
            engine.memory().catchUp();
            memoryProblem = null;
        } catch (RuntimeException e) {
            // nothing is lost: the outbox keeps every change until the memory has learned it
            if (!e.toString().equals(memoryProblem)) {
                LOG.warn("the memory cannot learn what was stored, retrying every {} s: {}", MEMORY_SECONDS, e.toString());
            }
            memoryProblem = e.toString();
        }
    }

    /** Past incidents like a stored one, from the memory; none when its facts or the memory cannot be read. */
    List<SimilarIncident> similarTo(String incidentId) {
        try {
            return store.facts(incidentId).map(FactsJson::read)
                    .map(f -> engine.memory().similarIncidents(engine.settings().redactor().redact(f.likeness()), incidentId, SIMILAR))
                    .orElse(List.of());
        } catch (RuntimeException e) {
            LOG.info("no similar incidents for {}: {}", incidentId, e.toString());
            return List.of();
        }
    }

    private void simulatorTick() {
        try {
            Instant now = clock.now();
            while (running && !nextStep.isAfter(now)) {
                for (MetricSample s : simulator.at(nextStep)) {
                    enqueue(s);
                }
                nextStep = nextStep.plus(MetricSimulator.STEP);
            }
        } catch (RuntimeException e) {
            LOG.warn("simulator failed: {}", e.toString());
        }
    }

    private void pipelineLoop() {
        long lastFlush = System.nanoTime();
        while (running || !input.isEmpty()) {
            try {
                Object item = input.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (item instanceof RawRecord r) {
                    pipeline.onRecord(r);
                } else if (item instanceof MetricSample s) {
                    pipeline.onSample(s);
                } else if (item instanceof DetectorChange c) {
                    pipeline.reconfigure(c.settings(), recent.all(RecentActivity.POINTS_PER_SERIES));
                    detectorSettings = c.settings();
                } else if (item instanceof SourceError e) {
                    pipeline.onSourceError(e.source(), e.error());
                }
                openIncidents.set(pipeline.openIncidents());
                int pending = pipeline.pendingBatchSize();
                if (pending >= BATCH_ITEMS || pipeline.pendingBatchChars() > OnceIngest.BATCH_CHARS || pipeline.urgent()
                        || (pending > 0 && System.nanoTime() - lastFlush > BATCH_NANOS)) {
                    toWriter.put(pipeline.takeBatch());
                    lastFlush = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("pipeline error, continuing", e);
            }
        }
        toWriter.offer(pipeline.takeBatch());
    }

    private void writerLoop() {
        try {
            writer.run(() -> writing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void analyseLater(FactsReport facts) {
        agents.submit(() -> {
            try {
                publish(engine.reports().draft(facts), true);
            } catch (RuntimeException e) {
                analysisErrors.incrementAndGet();
                LOG.error("analysis of {} failed", facts.incidentId(), e);
            }
        });
    }

    /** Writes a report; when its files cannot be written (a full disk), says so once and tries again until they can. */
    private void publish(ReportStage.Draft draft, boolean first) {
        try {
            IncidentReport report = engine.reports().publish(draft);
            StoreBatch b = new StoreBatch();
            b.report(report);
            toWriter.put(b);
            bus.publish(report);
        } catch (UncheckedIOException e) {
            if (first) {
                LOG.error("{}: {}; tried again every {} s", e.getMessage(), e.getCause().getMessage(), REPORT_RETRY_SECONDS);
            }
            if (!scheduler.isShutdown()) {
                scheduler.schedule(() -> agents.submit(() -> publish(draft, false)), REPORT_RETRY_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    /** Drains and stops; a second call does nothing. */
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        scheduler.shutdownNow();
        indexer.shutdownNow();
        remembering.shutdown(); // a catch-up under way finishes: the memory is closed with the engine
        tailing.close();
        join(pipelineThread);
        agents.shutdown();
        try {
            agents.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // only now: the pipeline's last batch and the analysts' reports are queued
        writing = false;
        join(writerThread);
        try {
            indexer.awaitTermination(5, TimeUnit.SECONDS);
            remembering.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (replayer != null) {
            replayer.close();
        }
        engine.close();
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
