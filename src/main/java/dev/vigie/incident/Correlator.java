package dev.vigie.incident;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups anomalies into incidents, deterministically. Anomalies of one service closer than
 * {@code gap} in event time are one group; so are those of services that depend on each other
 * (configured), when they overlap or follow within {@code gap}: a slow database and the API that
 * waits on it are one incident. A group becomes an incident once it holds a finding of WARNING or
 * worse (a lone INFO finding, such as one error line, opens nothing). It is resolved when all its
 * services have been quiet for {@code gap}, and reopened — same id — when one of them is abnormal
 * again within {@code reopenWithin} of that. A new version of an anomaly it holds (the same
 * {@link Anomaly#id()}, grown or ended) replaces the old one in its group, and never reopens it.
 */
public final class Correlator {
    private final Duration gap;
    private final Duration reopenWithin;
    /** Service → the services it depends on or that depend on it. */
    private final Map<String, Set<String>> related = new HashMap<>();
    /** Open groups, oldest first. */
    private final List<Group> open = new ArrayList<>();
    /** Resolved groups that may still reopen, by each of their services. */
    private final Map<String, Group> resolved = new TreeMap<>();

    private static final class Group {
        final String id;
        final String service;
        final Set<String> services = new LinkedHashSet<>();
        /** By id: a new version of an anomaly (it grew, or it ended) replaces the old one. */
        final Map<String, Anomaly> anomalies = new LinkedHashMap<>();
        Instant start;
        Instant end;
        Severity severity = Severity.INFO;
        boolean announced;
        boolean reopened;

        Group(Anomaly first) {
            this.id = Incident.idFor(first.service(), first.start());
            this.service = first.service();
            this.start = first.start();
            this.end = first.end();
        }

        boolean qualifies() {
            return severity.compareTo(Severity.WARNING) >= 0;
        }

        Incident toIncident(IncidentStatus status) {
            List<Anomaly> sorted = new ArrayList<>(anomalies.values());
            sorted.sort(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::check)
                    .thenComparing(a -> String.valueOf(a.series())).thenComparing(Anomaly::service));
            return new Incident(id, service, start, end, severity, status, sorted, List.copyOf(services));
        }
    }

    public Correlator(Duration gap) {
        this(gap, Map.of());
    }

    /** @param dependencies service → the services it calls; the relation is used both ways */
    public Correlator(Duration gap, Map<String, List<String>> dependencies) {
        this.gap = gap;
        this.reopenWithin = gap.multipliedBy(3);
        dependencies.forEach((service, callees) -> callees.forEach(callee -> {
            related.computeIfAbsent(service, k -> new java.util.TreeSet<>()).add(callee);
            related.computeIfAbsent(callee, k -> new java.util.TreeSet<>()).add(service);
        }));
    }

    public void onAnomaly(Anomaly a, IncidentSink sink) {
        Group holder = holderOf(a);
        if (holder != null) {
            holder.anomalies.put(a.id(), a);
            if (open.contains(holder)) {
                extend(holder, a, sink);
            }
            return;
        }
        // the anomaly's own time shows its service's earlier group to be over
        Iterator<Group> it = open.iterator();
        while (it.hasNext()) {
            Group g = it.next();
            if (g.services.contains(a.service()) && a.start().isAfter(g.end.plus(gap)) && onlyService(g, a.service())) {
                it.remove();
                close(g, IncidentStatus.RESOLVED, sink);
            }
        }
        Group g = joinable(a);
        if (g == null) {
            g = reopenable(a);
            if (g != null) {
                g.reopened = true;
                g.announced = false;
                open.add(g);
            }
        }
        if (g == null) {
            g = new Group(a);
            open.add(g);
        }
        g.anomalies.put(a.id(), a);
        extend(g, a, sink);
    }

    private void extend(Group g, Anomaly a, IncidentSink sink) {
        g.services.add(a.service());
        g.start = a.start().isBefore(g.start) ? a.start() : g.start;
        g.end = a.end().isAfter(g.end) ? a.end() : g.end;
        g.severity = g.severity.max(a.severity());
        if (g.qualifies() && !g.announced) {
            g.announced = true;
            sink.opened(g.toIncident(g.reopened ? IncidentStatus.REOPENED : IncidentStatus.OPEN));
        }
    }

    /** Event time has reached {@code watermark}: groups quiet for {@code gap} are resolved. */
    public void advance(Instant watermark, IncidentSink sink) {
        Iterator<Group> it = open.iterator();
        while (it.hasNext()) {
            Group g = it.next();
            if (g.end.plus(gap).isBefore(watermark)) {
                it.remove();
                close(g, IncidentStatus.RESOLVED, sink);
            }
        }
        resolved.values().removeIf(g -> g.end.plus(gap).plus(reopenWithin).isBefore(watermark));
    }

    /** End of input at event time {@code last}: every group closes; those not yet quiet stay open. */
    public void flush(Instant last, IncidentSink sink) {
        for (Group g : open) {
            boolean quiet = g.end.plus(gap).isBefore(last);
            close(g, quiet ? IncidentStatus.RESOLVED : g.reopened ? IncidentStatus.REOPENED : IncidentStatus.OPEN, sink);
        }
        open.clear();
        resolved.clear();
    }

    public long openIncidents() {
        return open.stream().filter(Group::qualifies).count();
    }

    /** The open or resolved group that already holds an earlier version of this anomaly, or null. */
    private Group holderOf(Anomaly a) {
        String id = a.id();
        for (Group g : open) {
            if (g.anomalies.containsKey(id)) {
                return g;
            }
        }
        Group g = resolved.get(a.service());
        return g != null && g.anomalies.containsKey(id) ? g : null;
    }

    /** The oldest open group of this service or of a related one that the anomaly falls within {@code gap} of. */
    private Group joinable(Anomaly a) {
        Set<String> near = related.getOrDefault(a.service(), Set.of());
        for (Group g : open) {
            boolean mine = g.services.contains(a.service());
            boolean kin = !mine && g.services.stream().anyMatch(near::contains);
            if ((mine || kin) && !a.start().isAfter(g.end.plus(gap)) && !a.end().isBefore(g.start.minus(gap))) {
                return g;
            }
        }
        return null;
    }

    /** A resolved group of this service that the anomaly comes back to soon enough. */
    private Group reopenable(Anomaly a) {
        Group g = resolved.get(a.service());
        if (g == null || a.start().isAfter(g.end.plus(gap).plus(reopenWithin))) {
            return null;
        }
        g.services.forEach(resolved::remove);
        return g;
    }

    private static boolean onlyService(Group g, String service) {
        return g.services.size() == 1 && g.services.contains(service);
    }

    private void close(Group g, IncidentStatus status, IncidentSink sink) {
        if (!g.qualifies()) {
            return;
        }
        sink.closed(g.toIncident(status));
        if (status == IncidentStatus.RESOLVED) {
            g.services.forEach(s -> resolved.put(s, g));
        }
    }
}
