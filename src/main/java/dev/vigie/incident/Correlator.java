package dev.vigie.incident;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.LearnedDependency;
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
 * waits on it are one incident. Without configuration, anomalies of services that start within
 * {@link #TOGETHER} of each other are one group when their lines link them ({@link Linkage}: one
 * names the other, points at its kind, or both name the same process or address), and a service
 * that falls silent as another fails is part of that failure. A group becomes an incident once it
 * holds a finding of WARNING or worse (a lone INFO finding, such as one error line, opens nothing);
 * one announced before the evidence linking it to another arrived is folded into the older one.
 * It names the service where it began. It is resolved when all its
 * services have been quiet for {@code gap}, and reopened — same id — when one of them is abnormal
 * again within {@code reopenWithin} of that. A new version of an anomaly it holds (the same
 * {@link Anomaly#id()}, grown or ended) replaces the old one in its group, and never reopens it.
 */
public final class Correlator {
    /** How close the starts of two services' anomalies must be for their lines to make them one incident. */
    public static final Duration TOGETHER = Duration.ofMinutes(2);
    /** Incidents that must have linked two services before they are linked on their timing alone. */
    public static final int LEARN_AFTER = 2;

    private final Duration gap;
    private final Duration reopenWithin;
    /** Service → the services it depends on or that depend on it. */
    private final Map<String, Set<String>> related = new HashMap<>();
    /** A service and one it led to, ordered so that what is learned is told in the same order every run. */
    private record Pair(String service, String dependsOn) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair o) {
            int c = service.compareTo(o.service);
            return c != 0 ? c : dependsOn.compareTo(o.dependsOn);
        }
    }

    /** How often each pair of services was linked in a resolved incident. */
    private final Map<Pair, LearnedDependency> learned = new TreeMap<>();
    /** Open groups, oldest first. */
    private final List<Group> open = new ArrayList<>();
    /** Resolved groups that may still reopen, by each of their services. */
    private final Map<String, Group> resolved = new TreeMap<>();

    private static final class Group {
        final String id;
        final Set<String> services = new LinkedHashSet<>();
        /** By id: a new version of an anomaly (it grew, or it ended) replaces the old one. */
        final Map<String, Anomaly> anomalies = new LinkedHashMap<>();
        final Map<String, Linkage.Profile> profiles = new HashMap<>();
        final List<Linkage.Link> links = new ArrayList<>();
        Instant start;
        Instant end;
        Severity severity = Severity.INFO;
        boolean announced;
        boolean reopened;
        /** Its links were counted in what is learned (a reopened incident that resolves again is not counted twice). */
        boolean taught;

        Group(Anomaly first) {
            this.id = Incident.idFor(first.service(), first.start());
            this.start = first.start();
            this.end = first.end();
        }

        void add(Anomaly a) {
            anomalies.put(a.id(), a);
            services.add(a.service());
            profiles.computeIfAbsent(a.service(), k -> new Linkage.Profile()).add(a);
            start = a.start().isBefore(start) ? a.start() : start;
            end = a.end().isAfter(end) ? a.end() : end;
            severity = severity.max(a.severity());
        }

        void absorb(Group other) {
            other.anomalies.values().forEach(this::add);
            other.profiles.forEach((service, p) -> profiles.computeIfAbsent(service, k -> new Linkage.Profile()).addAll(p));
            links.addAll(other.links);
        }

        boolean qualifies() {
            return severity.compareTo(Severity.WARNING) >= 0;
        }

        boolean onlySilence() {
            return profiles.values().stream().allMatch(Linkage.Profile::onlySilence);
        }

        /**
         * Where it began: the service of the earliest anomaly that is not a silence; among those that
         * start together, the one the others' lines lead to (nginx names api, api points at the database).
         */
        String origin() {
            Map<String, Instant> first = new LinkedHashMap<>();
            for (Anomaly a : anomalies.values()) {
                if (!"silence".equals(a.check()) || onlySilence()) {
                    first.merge(a.service(), a.start(), (x, y) -> x.isBefore(y) ? x : y);
                }
            }
            Map<String, Integer> led = new HashMap<>();
            for (Linkage.Link l : links) {
                led.merge(l.to(), 1, Integer::sum);
                led.merge(l.from(), -1, Integer::sum);
            }
            String best = null;
            for (var e : first.entrySet()) {
                if (best == null || e.getValue().isBefore(first.get(best))
                        || e.getValue().equals(first.get(best)) && led.getOrDefault(e.getKey(), 0) > led.getOrDefault(best, 0)) {
                    best = e.getKey();
                }
            }
            return best;
        }

        Incident toIncident(IncidentStatus status) {
            List<Anomaly> sorted = new ArrayList<>(anomalies.values());
            sorted.sort(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::check)
                    .thenComparing(a -> String.valueOf(a.series())).thenComparing(Anomaly::service));
            String origin = origin();
            List<String> all = new ArrayList<>(List.of(origin));
            services.stream().filter(s -> !s.equals(origin)).forEach(all::add);
            return new Incident(id, origin, start, end, severity, status, sorted, all);
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

    /** What earlier runs learned: pairs linked often enough join without lines that say so. */
    public void restore(List<LearnedDependency> known) {
        known.forEach(d -> learned.put(new Pair(d.service(), d.dependsOn()), d));
    }

    public void onAnomaly(Anomaly a, IncidentSink sink) {
        Group holder = holderOf(a);
        if (holder != null) {
            holder.add(a);
            if (open.contains(holder)) {
                announce(mergeLinked(holder, sink), sink);
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
        g.add(a);
        announce(mergeLinked(g, sink), sink);
    }

    private static void announce(Group g, IncidentSink sink) {
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

    /**
     * The oldest open group of this service or of a related one that the anomaly falls within {@code gap}
     * of; else the oldest that started with it and that its lines link it to.
     */
    private Group joinable(Anomaly a) {
        Set<String> near = related.getOrDefault(a.service(), Set.of());
        for (Group g : open) {
            boolean mine = g.services.contains(a.service());
            boolean kin = !mine && g.services.stream().anyMatch(near::contains);
            if ((mine || kin) && !a.start().isAfter(g.end.plus(gap)) && !a.end().isBefore(g.start.minus(gap))) {
                return g;
            }
        }
        Group alone = new Group(a);
        alone.add(a);
        for (Group g : open) {
            if (together(g, alone)) {
                Linkage.Link link = link(g, alone);
                if (link != null) {
                    g.links.add(link);
                    return g;
                }
            }
        }
        return null;
    }

    /**
     * Open groups that this one's lines now link to become one, kept under the older one's id; an
     * absorbed group that was announced is said to be part of it.
     *
     * @return the group that holds them all
     */
    private Group mergeLinked(Group g, IncidentSink sink) {
        boolean merged = true;
        while (merged) {
            merged = false;
            for (Group h : List.copyOf(open)) {
                if (h == g || !together(g, h)) {
                    continue;
                }
                Linkage.Link link = link(g, h);
                if (link != null) {
                    boolean older = open.indexOf(h) < open.indexOf(g);
                    Group keep = older ? h : g;
                    Group gone = older ? g : h;
                    keep.absorb(gone);
                    keep.links.add(link);
                    open.remove(gone);
                    if (gone.announced) {
                        keep.announced |= keep.qualifies();
                        sink.merged(gone.toIncident(IncidentStatus.OPEN),
                                keep.toIncident(keep.reopened ? IncidentStatus.REOPENED : IncidentStatus.OPEN));
                    }
                    g = keep;
                    merged = true;
                    break;
                }
            }
        }
        return g;
    }

    private static boolean together(Group g, Group h) {
        return !h.start.isAfter(g.start.plus(TOGETHER)) && !g.start.isAfter(h.start.plus(TOGETHER));
    }

    /** What links two groups: a silence beside a failure, or the lines of one of each's services. */
    private Linkage.Link link(Group g, Group h) {
        if (g.onlySilence() != h.onlySilence()) {
            Group failing = g.onlySilence() ? h : g;
            Group silent = failing == g ? h : g;
            String from = failing.origin();
            String to = silent.services.iterator().next();
            return new Linkage.Link(from, to, to + " fell silent as " + from + " failed", false);
        }
        for (String s : g.services) {
            for (String t : h.services) {
                if (!s.equals(t)) {
                    Linkage.Link link = Linkage.between(s, g.profiles.get(s), t, h.profiles.get(t));
                    if (link != null) {
                        return link;
                    }
                }
            }
        }
        for (String s : g.services) {
            for (String t : h.services) {
                Linkage.Link link = learnedLink(s, t);
                link = link != null ? link : learnedLink(t, s);
                if (link != null) {
                    return link;
                }
            }
        }
        return null;
    }

    /** A pair linked in at least {@link #LEARN_AFTER} incidents before is linked again, even without lines that say so. */
    private Linkage.Link learnedLink(String from, String to) {
        LearnedDependency d = learned.get(new Pair(from, to));
        return d == null || d.incidents() < LEARN_AFTER ? null
                : new Linkage.Link(from, to, "learned: " + from + " led to " + to + " in " + d.incidents() + " incidents");
    }

    /** Each pair a resolved incident linked counts once more (a pair linked by what was learned, too); once per incident. */
    private void learnFrom(Group g, IncidentSink sink) {
        if (g.taught) {
            return;
        }
        g.taught = true;
        java.util.Set<Pair> pairs = new java.util.TreeSet<>();
        for (Linkage.Link l : g.links) {
            if (l.dependency() && !l.from().equals(l.to())) {
                pairs.add(new Pair(l.from(), l.to()));
            }
        }
        for (Pair pair : pairs) {
            LearnedDependency before = learned.get(pair);
            LearnedDependency now = before == null ? new LearnedDependency(pair.service(), pair.dependsOn(), 1, g.start, g.start)
                    : new LearnedDependency(pair.service(), pair.dependsOn(), before.incidents() + 1, before.first(), g.start);
            learned.put(pair, now);
            sink.learned(now);
        }
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
        if (!g.announced) {
            g.announced = true;
            sink.opened(g.toIncident(g.reopened ? IncidentStatus.REOPENED : IncidentStatus.OPEN));
        }
        sink.closed(g.toIncident(status));
        if (status == IncidentStatus.RESOLVED) {
            g.services.forEach(s -> resolved.put(s, g));
            learnFrom(g, sink);
        }
    }
}
