package dev.vigie.ui;

import dev.vigie.event.ChatAnswer;
import dev.vigie.config.DetectorSettings;
import dev.vigie.config.Settings;
import dev.vigie.event.EventDetail;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import dev.vigie.event.SourceStatus;
import dev.vigie.event.StoredEvent;
import dev.vigie.event.StoredIncident;
import dev.vigie.event.SimilarIncident;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.pipeline.client.EngineSnapshot;
import dev.vigie.pipeline.client.EventSearch;
import dev.vigie.pipeline.client.IncidentPage;
import dev.vigie.pipeline.client.Redetection;
import dev.vigie.event.EventQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** An engine as a view-model sees it, answering from fields a test sets, and keeping what it was asked. */
public class FakeEngine implements EngineQueries, EngineCommands {
    public final List<String> questions = new ArrayList<>();
    public final List<EventQuery> searches = new ArrayList<>();
    public Map<Long, EventDetail> details = new HashMap<>();
    public final List<DetectorSettings> redetections = new ArrayList<>();
    public final List<Runnable> incidentListeners = new ArrayList<>();
    public List<StoredIncident> incidents = List.of();
    public Map<String, String> reports = new HashMap<>();
    public List<StoredEvent> events = List.of();
    public long notSearchable;
    public Map<String, List<MetricSample>> series = new HashMap<>();
    public Redetection redetection = new Redetection(List.of(), 0, 0, 0);
    public DetectorSettings live = DetectorSettings.DEFAULTS;
    public Settings settings;
    public List<SourceStatus> sources = List.of();
    public int sourceLookups;
    public final List<DetectorSettings> applied = new ArrayList<>();
    public Map<String, IncidentPage> pages = new HashMap<>();
    public Map<String, List<SimilarIncident>> similar = new HashMap<>();
    public final List<String> feedback = new ArrayList<>();

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public DetectorSettings detectorSettings() {
        return live;
    }

    @Override
    public void applyDetectorSettings(DetectorSettings settings) {
        applied.add(settings);
        live = settings;
    }

    @Override
    public EngineSnapshot snapshot() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> void subscribe(Class<T> type, Consumer<? super T> listener) {
    }

    @Override
    public void onIncidentsChanged(Runnable listener) {
        incidentListeners.add(listener);
    }

    @Override
    public List<LogEvent> latestEvents(int max) {
        return List.of();
    }

    @Override
    public List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    @Override
    public List<ScoredSample> scored(String name, int max) {
        return series(name, max).stream().map(s -> new ScoredSample(s, false)).toList();
    }

    @Override
    public List<MetricSample> series(String name, int max) {
        List<MetricSample> all = series.getOrDefault(name, List.of());
        return all.subList(Math.max(0, all.size() - max), all.size());
    }

    @Override
    public List<StoredIncident> incidents() {
        return incidents;
    }

    @Override
    public Optional<String> report(String incidentId) {
        return Optional.ofNullable(reports.get(incidentId));
    }

    @Override
    public EventSearch events(EventQuery query) {
        searches.add(query);
        return new EventSearch(events, notSearchable);
    }

    @Override
    public Optional<EventDetail> eventDetail(long eventId) {
        return Optional.ofNullable(details.get(eventId));
    }

    @Override
    public List<SourceStatus> sources() {
        sourceLookups++;
        return sources;
    }

    /** Streamed to the asker a few words at a time, then returned whole with {@link #setAside} as its note. */
    public String answer = "INC-1 began at 08:20 in api [INC-1].";
    public String setAside = "";

    @Override
    public ChatAnswer ask(String question, Consumer<String> tokens) {
        questions.add(question);
        if (question.contains("fail")) {
            throw new IllegalStateException("the store is closed");
        }
        for (String piece : answer.split("(?<= )")) {
            tokens.accept(piece);
        }
        return new ChatAnswer(answer, List.of("INC-1"), "time", "en", setAside.isEmpty() ? "model" : "offline", setAside);
    }

    @Override
    public Optional<IncidentPage> incidentPage(String incidentId) {
        return Optional.ofNullable(pages.get(incidentId));
    }

    @Override
    public List<SimilarIncident> similarIncidents(String incidentId) {
        return similar.getOrDefault(incidentId, List.of());
    }

    @Override
    public void setReplaySpeed(double speed) {
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void step(int steps) {
    }

    @Override
    public void inject(String scenario) {
    }

    @Override
    public void feedback(String incidentId, String action, boolean useful, String note) {
        feedback.add(incidentId + " " + action + " " + (useful ? "helped" : "not-helped"));
    }

    @Override
    public Redetection redetect(DetectorSettings settings, int points) {
        redetections.add(settings);
        return redetection;
    }
}
