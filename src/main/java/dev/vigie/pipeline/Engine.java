package dev.vigie.pipeline;

import dev.vigie.agent.AgentTeam;
import dev.vigie.agent.OllamaGateway;
import dev.vigie.config.Settings;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Plural;
import dev.vigie.incident.EvidenceBuffer;
import dev.vigie.incident.FactsReport;
import dev.vigie.incident.FactsReportBuilder;
import dev.vigie.config.MemorySettings;
import dev.vigie.memory.Embedder;
import dev.vigie.memory.Memory;
import dev.vigie.memory.MiniLmEmbedder;
import dev.vigie.memory.OllamaEmbedder;
import dev.vigie.memory.QdrantVectorStore;
import dev.vigie.parse.LogParser;
import dev.vigie.report.MailNotifier;
import dev.vigie.report.Notifier;
import dev.vigie.report.ReportFiles;
import dev.vigie.report.ReportStage;
import dev.vigie.store.DataDirectoryLock;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigie's parts, built once from the settings: the store, the agent team, the report stage with its
 * notifiers, and the facts-level pipeline. The live runtime and {@code ingest --once} both run on
 * one; they differ only in how they feed it.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Settings settings;
    private final Clock clock;
    private final DataDirectoryLock owner;
    private final Store store;
    private final AgentTeam team;
    private final ReportStage reports;
    private Memory memory;

    private Engine(Settings settings, Clock clock, DataDirectoryLock owner, Store store) {
        this.settings = settings;
        this.clock = clock;
        this.owner = owner;
        this.store = store;
        this.team = new AgentTeam(new OllamaGateway(settings.ollamaUrl(), settings.ollamaModel()), settings.redactor(), clock);
        List<Notifier> notifiers = new ArrayList<>();
        if (settings.mail().enabled()) {
            notifiers.add(new MailNotifier(settings.mail(), settings.redactor(), clock));
        }
        this.reports = new ReportStage(team, settings.redactor(), new ReportFiles(settings.reportsDir()), notifiers);
        team.remember((text, except, limit) -> memory().similarIncidents(text, except, limit));
    }

    public static Engine open(Settings settings, Clock clock) throws IOException {
        return open(settings, clock, "vigie");
    }

    /**
     * Checks the log format, takes the data directory (one engine per directory), then opens the store.
     *
     * @param who what opens it, as a second process that wants the directory is told
     * @throws DataDirectoryLock.InUse when another engine holds the directory
     */
    public static Engine open(Settings settings, Clock clock, String who) throws IOException {
        parser(settings, clock);
        DataDirectoryLock owner = DataDirectoryLock.acquire(settings.dataDir(), who);
        try {
            return new Engine(settings, clock, owner, new Store(settings.databaseFile(), clock));
        } catch (IOException | RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    static LogParser parser(Settings s, Clock clock) {
        return new LogParser(clock, s.logFormat(), s.formats());
    }

    /** A new facts-level pipeline, its templates and learned dependencies restored from the store. */
    Pipeline pipeline(EventBus bus, PipelineStats stats, Consumer<FactsReport> closedIncidents) {
        Pipeline p = new Pipeline(parser(settings, clock), settings, bus, stats, closedIncidents);
        p.restoreTemplates(store.templates());
        p.restoreLearned(store.learnedDependencies());
        return p;
    }

    /**
     * Incidents that a stop left open are resolved where they stood (the correlator that held them
     * is gone, and the lines around them with it), and those closed without a report get one: their
     * facts, from their stored anomalies, go to the report stage like any closed incident's.
     */
    List<FactsReport> finishLeftOver() {
        List<Incident> open = store.unfinished();
        if (open.isEmpty()) {
            return List.of();
        }
        StoreBatch batch = new StoreBatch();
        List<FactsReport> facts = new ArrayList<>();
        FactsReportBuilder builder = new FactsReportBuilder(settings.redactor());
        for (Incident i : open) {
            Incident resolved = new Incident(i.id(), i.service(), i.start(), i.end(), i.severity(), IncidentStatus.RESOLVED,
                    i.anomalies(), i.services());
            batch.incident(resolved);
            facts.add(builder.build(resolved, new EvidenceBuffer()));
        }
        store.write(batch);
        LOG.info("{} left unfinished by the last stop: resolved and sent for analysis", Plural.of(open.size(), "incident"));
        return facts;
    }

    public Settings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    public Store store() {
        return store;
    }

    /**
     * The memory of incidents and templates, opened on first use: an index in the data directory or
     * a Qdrant collection, as the settings say (the in-process embedding model loads on the first
     * text to embed).
     *
     * @throws UncheckedIOException when its directory cannot be written
     */
    public synchronized Memory memory() {
        if (memory == null) {
            try {
                MemorySettings m = settings.memory();
                Embedder embedder = m.embeddings().startsWith("ollama:")
                        ? new OllamaEmbedder(settings.ollamaUrl(), m.embeddings().substring("ollama:".length())) : new MiniLmEmbedder();
                memory = m.backend().equals("qdrant")
                        ? new Memory(store, QdrantVectorStore.connect(m.qdrantUrl(), m.qdrantApiKey(), m.qdrantCollection()), embedder,
                        settings.redactor())
                        : Memory.lucene(settings.dataDir().resolve("memory"), store, embedder, settings.redactor());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the memory in " + settings.dataDir().resolve("memory") + ": " + e.getMessage(), e);
            }
        }
        return memory;
    }

    AgentTeam team() {
        return team;
    }

    ReportStage reports() {
        return reports;
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (memory != null) {
                    memory.close();
                }
            }
            store.close();
        } finally {
            try {
                owner.close();
            } catch (IOException e) {
                LOG.warn("cannot release {}: {}", DataDirectoryLock.FILE_NAME, e.getMessage());
            }
        }
    }
}
