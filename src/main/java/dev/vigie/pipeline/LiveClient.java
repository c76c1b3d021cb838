package dev.vigie.pipeline;

import dev.vigie.event.ChatAnswer;
import dev.vigie.chat.ChatService;
import dev.vigie.chat.Conversation;
import dev.vigie.config.DetectorSettings;
import dev.vigie.config.Settings;
import dev.vigie.detect.Detector;
import dev.vigie.event.Anomaly;
import dev.vigie.event.EventDetail;
import dev.vigie.event.Feedback;
import dev.vigie.event.Incident;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import dev.vigie.event.SourceStatus;
import dev.vigie.event.StoredIncident;
import dev.vigie.event.SimilarIncident;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.pipeline.client.EngineSnapshot;
import dev.vigie.pipeline.client.EventSearch;
import dev.vigie.pipeline.client.IncidentPage;
import dev.vigie.pipeline.client.Redetection;
import dev.vigie.report.IncidentReport;
import dev.vigie.sim.EventClock;
import dev.vigie.sim.MetricSimulator;
import dev.vigie.sim.ReplayClock;
import dev.vigie.sim.ScenarioScript;
import dev.vigie.event.EventQuery;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A live runtime as its clients see it: what they may read of it and ask of it, from any thread. */
public final class LiveClient implements EngineQueries, EngineCommands {
    private final LiveRuntime runtime;
    private final Store store;
    /** The cockpit's one chat, kept while the engine runs. */
    private final Conversation conversation;
    private final RecentActivity recent;
    private final EventBus bus;
    private final EventClock clock;
    /** Null when the sources follow the wall clock. */
    private final ReplayClock replay;
    /** Null when no simulator runs. */
    private final MetricSimulator simulator;

    LiveClient(LiveRuntime runtime, ChatService chat, RecentActivity recent, EventBus bus, EventClock clock, ReplayClock replay,
               MetricSimulator simulator) {
        this.runtime = runtime;
        this.store = runtime.store();
        this.conversation = chat.conversation();
        this.recent = recent;
        this.bus = bus;
        this.clock = clock;
        this.replay = replay;
        this.simulator = simulator;
    }

    @Override
    public Settings settings() {
        return runtime.settings();
    }

    @Override
    public DetectorSettings detectorSettings() {
        return runtime.detectorSettings();
    }

    @Override
    public void applyDetectorSettings(DetectorSettings settings) {
        runtime.reconfigure(settings);
    }

    @Override
    public EngineSnapshot snapshot() {
        return runtime.snapshot();
    }

    @Override
    public <T> void subscribe(Class<T> type, Consumer<? super T> listener) {
        bus.subscribe(type, listener);
    }

    @Override
    public void onIncidentsChanged(Runnable listener) {
        bus.subscribe(Incident.class, i -> listener.run());
        bus.subscribe(IncidentReport.class, r -> listener.run());
    }

    @Override
    public List<LogEvent> latestEvents(int max) {
        return recent.events(max);
    }

    @Override
    public List<String> seriesNames() {
        return recent.seriesNames();
    }

    @Override
    public List<ScoredSample> scored(String series, int max) {
        return recent.scored(series, max);
    }

    @Override
    public List<MetricSample> series(String series, int max) {
        return recent.series(series, max);
    }

    @Override
    public List<StoredIncident> incidents() {
        return store.incidents();
    }

    @Override
    public Optional<String> report(String incidentId) {
        return store.incident(incidentId).filter(i -> i.reportPath() != null).map(LiveClient::report);
    }

    private static String report(StoredIncident i) {
        try {
            return Files.readString(Path.of(i.reportPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + i.reportPath(), e);
        }
    }

    @Override
    public Optional<IncidentPage> incidentPage(String incidentId) {
        return store.incident(incidentId).map(i -> {
            Map<String, Boolean> said = new TreeMap<>();
            store.feedback(incidentId).forEach(f -> said.put(f.action(), f.useful()));
            return new IncidentPage(i, i.reportPath() == null ? "" : report(i), store.plan(incidentId), said);
        });
    }

    @Override
    public List<SimilarIncident> similarIncidents(String incidentId) {
        return runtime.similarTo(incidentId);
    }

    @Override
    public EventSearch events(EventQuery query) {
        return new EventSearch(store.events(query), store.searchLag());
    }

    @Override
    public Optional<EventDetail> eventDetail(long eventId) {
        return store.eventDetail(eventId);
    }

    @Override
    public List<SourceStatus> sources() {
        return store.sources();
    }

    @Override
    public ChatAnswer ask(String question, java.util.function.Consumer<String> tokens) {
        return conversation.ask(question, tokens);
    }

    @Override
    public void setReplaySpeed(double speed) {
        controls().setSpeed(speed);
    }

    @Override
    public void pause() {
        controls().pause();
    }

    @Override
    public void resume() {
        controls().resume();
    }

    @Override
    public void step(int steps) {
        controls().step(MetricSimulator.STEP.multipliedBy(steps));
    }

    @Override
    public void inject(String scenario) {
        if (simulator == null) {
            throw new IllegalArgumentException("no simulator runs: it is off in the settings");
        }
        simulator.inject(ScenarioScript.startingAt(scenario, clock.now()));
    }

    @Override
    public Redetection redetect(DetectorSettings with, int points) {
        List<MetricSample> all = recent.all(points);
        long t0 = System.nanoTime();
        List<Anomaly> found = Detector.detectMetrics(with, all);
        return new Redetection(found, all.size(), recent.seriesNames().size(), (System.nanoTime() - t0) / 1e6);
    }

    @Override
    public void feedback(String incidentId, String action, boolean useful, String note) {
        Feedback f = new Feedback(incidentId, runtime.wallClock().instant(), useful, note, action);
        store.checkFeedback(f);
        StoreBatch b = new StoreBatch();
        b.feedback(f);
        runtime.write(b);
    }

    private ReplayClock controls() {
        if (replay == null) {
            throw new IllegalStateException("the sources follow the wall clock: there is no replay to control");
        }
        return replay;
    }
}
