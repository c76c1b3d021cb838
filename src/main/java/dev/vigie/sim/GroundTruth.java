package dev.vigie.sim;

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

    public record Result(List<Hit> hits, List<Anomaly> falseAlarms) {
        public long detected() {
            return hits.stream().filter(Hit::detected).count();
        }
    }

    private GroundTruth() {
    }

    public static Result match(List<Scenario> scenarios, List<Anomaly> anomalies, Duration recovery) {
        List<List<String>> moved = scenarios.stream().map(MetricSimulator::truth).toList();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario sc = scenarios.get(i);
            List<String> series = moved.get(i);
            Anomaly first = anomalies.stream()
                    .filter(a -> series.contains(a.series()) && !a.start().isBefore(sc.start()) && a.start().isBefore(sc.end()))
                    .min(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::series)).orElse(null);
            long delay = first == null ? -1
                    : Duration.between(sc.start(), first.start()).toSeconds() / MetricSimulator.STEP.toSeconds();
            hits.add(new Hit(sc, first, delay));
        }
        List<Anomaly> falseAlarms = new ArrayList<>();
        for (Anomaly a : anomalies) {
            boolean explained = false;
            for (int i = 0; i < scenarios.size() && !explained; i++) {
                Scenario sc = scenarios.get(i);
                explained = reaches(sc, moved.get(i), a.service())
                        && !a.start().isBefore(sc.start()) && !a.start().isAfter(sc.end().plus(recovery));
            }
            if (!explained) {
                falseAlarms.add(a);
            }
        }
        return new Result(hits, falseAlarms);
    }

    private static boolean reaches(Scenario sc, List<String> moved, String service) {
        return sc.service().equals(service) || moved.stream().anyMatch(series -> series.startsWith(service + "/"));
    }
}
