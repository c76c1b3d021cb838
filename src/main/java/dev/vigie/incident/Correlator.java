package dev.vigie.incident;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups anomalies of one service that are closer than {@code gap} in event time. A group becomes
 * an incident once it holds a finding of WARNING or worse (a lone INFO finding, such as one error
 * line, is kept as an anomaly but opens nothing). A group closes when its service has been quiet
 * for {@code gap}.
 */
public final class Correlator {
    private final Duration gap;
    private final Map<String, Group> groups = new TreeMap<>();

    private static final class Group {
        final String id;
        final List<Anomaly> anomalies = new ArrayList<>();
        Instant start;
        Instant end;
        Severity severity = Severity.INFO;
        boolean announced;

        Group(String service, Anomaly first) {
            this.id = Incident.idFor(service, first.start());
            this.start = first.start();
            this.end = first.end();
        }

        boolean qualifies() {
            return severity.compareTo(Severity.WARNING) >= 0;
        }

        Incident toIncident(String service, IncidentStatus status) {
            List<Anomaly> sorted = new ArrayList<>(anomalies);
            sorted.sort(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::check)
                    .thenComparing(a -> String.valueOf(a.series())));
            return new Incident(id, service, start, end, severity, status, sorted);
        }
    }

    public Correlator(Duration gap) {
        this.gap = gap;
    }

    public void onAnomaly(Anomaly a, IncidentSink sink) {
        Group g = groups.get(a.service());
        if (g != null && a.start().isAfter(g.end.plus(gap))) {
            close(a.service(), g, IncidentStatus.RESOLVED, sink);
            g = null;
        }
        if (g == null) {
            g = new Group(a.service(), a);
            groups.put(a.service(), g);
        }
        g.anomalies.add(a);
        g.start = a.start().isBefore(g.start) ? a.start() : g.start;
        g.end = a.end().isAfter(g.end) ? a.end() : g.end;
        g.severity = g.severity.max(a.severity());
        if (g.qualifies() && !g.announced) {
            g.announced = true;
            sink.opened(g.toIncident(a.service(), IncidentStatus.OPEN));
        }
    }

    /** Event time has reached {@code watermark}: groups quiet for {@code gap} close as resolved. */
    public void advance(Instant watermark, IncidentSink sink) {
        var it = groups.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().end.plus(gap).isBefore(watermark)) {
                close(e.getKey(), e.getValue(), IncidentStatus.RESOLVED, sink);
                it.remove();
            }
        }
    }

    /** End of input at event time {@code last}: every group closes; those not yet quiet stay open. */
    public void flush(Instant last, IncidentSink sink) {
        groups.forEach((service, g) -> close(service, g,
                g.end.plus(gap).isBefore(last) ? IncidentStatus.RESOLVED : IncidentStatus.OPEN, sink));
        groups.clear();
    }

    public long openIncidents() {
        return groups.values().stream().filter(Group::qualifies).count();
    }

    private static void close(String service, Group g, IncidentStatus status, IncidentSink sink) {
        if (g.qualifies()) {
            sink.closed(g.toIncident(service, status));
        }
    }
}
