package dev.vigie.pipeline;

import dev.vigie.agent.AgentTeam;
import dev.vigie.agent.OllamaGateway;
import dev.vigie.config.Settings;
import dev.vigie.incident.FactsReport;
import dev.vigie.parse.LogParser;
import dev.vigie.report.MailNotifier;
import dev.vigie.report.Notifier;
import dev.vigie.report.ReportFiles;
import dev.vigie.report.ReportStage;
import dev.vigie.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Vigie's parts, built once from the settings: the store, the agent team, the report stage with its
 * notifiers, and the facts-level pipeline. The live runtime and {@code ingest --once} both run on
 * one; they differ only in how they feed it.
 */
public final class Engine implements AutoCloseable {
    private final Settings settings;
    private final Clock clock;
    private final Store store;
    private final AgentTeam team;
    private final ReportStage reports;

    private Engine(Settings settings, Clock clock, Store store) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.team = new AgentTeam(new OllamaGateway(settings.ollamaUrl(), settings.ollamaModel()), settings.redactor(), clock);
        List<Notifier> notifiers = new ArrayList<>();
        if (settings.mail().enabled()) {
            notifiers.add(new MailNotifier(settings.mail(), settings.redactor(), clock));
        }
        this.reports = new ReportStage(team, settings.redactor(), new ReportFiles(settings.reportsDir()), notifiers);
    }

    /** Checks the log format before anything is opened, then opens the store. */
    public static Engine open(Settings settings, Clock clock) throws IOException {
        parser(settings, clock);
        return new Engine(settings, clock, new Store(settings.databaseFile(), clock));
    }

    static LogParser parser(Settings s, Clock clock) {
        return new LogParser(clock, s.logFormat(), s.formats());
    }

    /** A new facts-level pipeline, its templates restored from the store. */
    Pipeline pipeline(EventBus bus, PipelineStats stats, Consumer<FactsReport> closedIncidents) {
        Pipeline p = new Pipeline(parser(settings, clock), settings, bus, stats, closedIncidents);
        p.restoreTemplates(store.templates());
        return p;
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

    AgentTeam team() {
        return team;
    }

    ReportStage reports() {
        return reports;
    }

    @Override
    public void close() {
        store.close();
    }
}
