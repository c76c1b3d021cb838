package dev.vigie.pipeline.client;

import dev.vigie.config.DetectorSettings;
import dev.vigie.config.Settings;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import dev.vigie.event.SourceStatus;
import dev.vigie.event.StoredIncident;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a client (the cockpit, later MCP and /metrics) may read of a running engine: a snapshot, a
 * subscription, and lookups. Every method may be called from any thread; lookups may take a while
 * and belong off the FX thread.
 */
public interface EngineQueries {
    Settings settings();

    /** The settings the live metric checks use now. */
    DetectorSettings detectorSettings();

    /** The engine's counts and state now. */
    EngineSnapshot snapshot();

    /**
     * Calls {@code listener} with everything of {@code type} the engine publishes (log events,
     * scored samples, anomalies, incidents, reporter tokens), on the engine's thread: it must only
     * record and return.
     */
    <T> void subscribe(Class<T> type, Consumer<? super T> listener);

    /** Calls {@code listener}, on the engine's thread, when an incident opens, changes or gets its report. */
    void onIncidentsChanged(Runnable listener);

    /** The newest log events seen live, newest last. */
    List<LogEvent> latestEvents(int max);

    /** Names of the metric series seen live, sorted. */
    List<String> seriesNames();

    /** The last points of a series, oldest first, as the live detector scored them. */
    List<ScoredSample> scored(String series, int max);

    /** The last points of a series, oldest first. */
    List<MetricSample> series(String series, int max);

    List<StoredIncident> incidents();

    /** An incident's report as written (Markdown), once its analysis is done. */
    Optional<String> report(String incidentId);

    /** Stored events, newest first; with words, those whose message holds every one of them. */
    EventSearch events(String words, int limit);

    List<SourceStatus> sources();

    /** A question in plain words about what is stored, answered with what was found. */
    String ask(String question);
}
