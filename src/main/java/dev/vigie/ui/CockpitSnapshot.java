package dev.vigie.ui;

import dev.vigie.event.LogEvent;
import dev.vigie.pipeline.client.EngineSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Everything the views need at one moment, gathered off the FX thread, so that applying it is
 * only property updates.
 *
 * @param eventsPerSecond wall-clock rate since the previous snapshot
 * @param errorRate       share of ERROR/FATAL events since the previous snapshot, in percent
 */
public record CockpitSnapshot(
        EngineSnapshot engine,
        double eventsPerSecond,
        double errorRate,
        List<LogEvent> latestEvents,
        List<String> series,
        Map<String, MetricChart.Data> charts,
        long shedUpdates) {

    public MetricChart.Data chart(String series) {
        return charts.getOrDefault(series, new MetricChart.Data(List.of(), List.of()));
    }
}
