package dev.vigie.detect;

import dev.vigie.event.Anomaly;
import dev.vigie.sim.MetricSimulator;
import dev.vigie.sim.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Detections counted against the injected scenarios. A scenario is hit by the first anomaly on one
 * of the series it moves that starts while it runs; its delay is counted in simulator steps. An
 * anomaly of a scenario's service (or of a service it reaches) from its start until {@code recovery}
 * after its end is explained by it; any other anomaly is a false alarm.
 */
public final class GroundTruth {
    /** @param first the earliest anomaly on a moved series, or null when the scenario was missed */
    public record Hit(Scenario scenario, Anomaly first, long delaySteps) {
        public boolean detected() {
            return first != null;
        }
    }

    public record Result(List<Hit> hits, List<Anomaly> falseAlarms, int explained) {
        public long detected() {
            return hits.stream().filter(Hit::detected).count();
        }
    }

    private GroundTruth() {
    }

    public static Result match(List<Scenario> scenarios, List<Anomaly> anomalies, Duration recovery) {
        List<Hit> hits = new ArrayList<>();
        for (Scenario sc : scenarios) {
            List<String> moved = MetricSimulator.truth(sc);
            Anomaly first = anomalies.stream()
                    .filter(a -> moved.contains(a.series()) && !a.start().isBefore(sc.start()) && a.start().isBefore(sc.end()))
                    .min(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::series)).orElse(null);
            long delay = first == null ? -1
                    : Duration.between(sc.start(), first.start()).toSeconds() / MetricSimulator.STEP.toSeconds();
            hits.add(new Hit(sc, first, delay));
        }
        List<Anomaly> falseAlarms = new ArrayList<>();
        for (Anomaly a : anomalies) {
            boolean explained = scenarios.stream().anyMatch(sc -> reaches(sc, a.service())
                    && !a.start().isBefore(sc.start()) && !a.start().isAfter(sc.end().plus(recovery)));
            if (!explained) {
                falseAlarms.add(a);
            }
        }
        return new Result(hits, falseAlarms, anomalies.size() - falseAlarms.size());
    }

    private static boolean reaches(Scenario sc, String service) {
        return sc.service().equals(service)
                || MetricSimulator.truth(sc).stream().anyMatch(series -> series.startsWith(service + "/"));
    }
}
