package dev.vigie.pipeline.client;

import dev.vigie.event.ChatAnswer;
import dev.vigie.config.DetectorSettings;
import dev.vigie.config.Settings;
import dev.vigie.event.EventDetail;
import dev.vigie.event.LogEvent;
import dev.vigie.event.MetricSample;
import dev.vigie.event.ScoredSample;
import dev.vigie.event.SourceStatus;
import dev.vigie.event.StoredIncident;
import dev.vigie.event.SimilarIncident;
import dev.vigie.event.EventQuery;
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

    /** An incident with its report, plan and feedback; empty for an id not stored. */
    Optional<IncidentPage> incidentPage(String incidentId);

    /**
     * Past incidents like a stored one, most similar first, with what was done; none when the
     * memory cannot be read. Slower than the rest: the embedding model may load first.
     */
    List<SimilarIncident> similarIncidents(String incidentId);

    /** Stored events as the query says, newest first, and how many are not searchable by words yet. */
    EventSearch events(EventQuery query);

    /** One stored event with its raw line (a whole stack trace), source and notes; empty for an id not stored. */
    Optional<EventDetail> eventDetail(long eventId);

    List<SourceStatus> sources();

    /**
     * A question in plain words about what is stored, answered with what was found and citing it;
     * a model's answer goes to {@code tokens} piece by piece as it comes (on the asking thread).
     */
    ChatAnswer ask(String question, Consumer<String> tokens);
}
