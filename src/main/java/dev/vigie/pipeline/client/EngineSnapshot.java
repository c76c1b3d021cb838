package dev.vigie.pipeline.client;

import dev.vigie.event.CheckRate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The engine's state at one moment.
 *
 * @param counts           what the pipeline has seen since it started
 * @param replaySpeed      event-time seconds per wall-clock second; infinite at max speed
 * @param replayTotal      lines the replay holds; 0 without a replay
 * @param model            whether a model answers, or why not
 * @param writeErrors      batches the store could not take at all (a defect), dropped
 * @param notifications    what became of the notifications (mail…), empty without any
 * @param storeProblem     why the store cannot be written now (a full disk…), while reading waits; empty when it can
 * @param waitingSources   sources named that do not exist yet, waited for
 * @param memoryProblem    why the memory cannot learn what was stored now (it retries, losing nothing); empty when it can
 */
public record EngineSnapshot(Counts counts, Instant eventTime, int queueDepth, long openIncidents, int replayed,
                             int replayTotal, double replaySpeed, boolean paused, ModelStatus model, long writeErrors,
                             long analysisErrors, Map<String, String> unreadableSources, List<CheckRate> checks,
                             String notifications, String storeProblem,
                             List<String> waitingSources, String memoryProblem) {
}
