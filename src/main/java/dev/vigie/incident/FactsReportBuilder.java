package dev.vigie.incident;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Incident;
import dev.vigie.event.MetricSample;
import dev.vigie.privacy.Redactor;
import dev.vigie.incident.FactsReport.AnomalyFact;
import dev.vigie.incident.FactsReport.MetricFact;
import dev.vigie.incident.FactsReport.Point;
import dev.vigie.incident.FactsReport.TemplateFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Describes an incident from the evidence buffer: the window before it is the baseline, kept
 * small enough for a small model's context (caps on anomalies, templates, lines and points).
 */
public final class FactsReportBuilder {
    static final Duration BEFORE = Duration.ofMinutes(10);
    static final int MAX_ANOMALIES = 20;
    /** Estimated tokens a facts report may take in a prompt before it is cut down. */
    static final int TOKEN_BUDGET = 2_000;
    static final int MAX_TEMPLATES = 10;
    static final int MAX_SAMPLES = 5;
    static final int MAX_POINTS = 12;
    private static final int MAX_LINE_CHARS = 400;
    private static final int MAX_CHANGES = 5;
    private static final java.util.regex.Pattern CHANGE_LINE = java.util.regex.Pattern.compile(
            "(?i)\\b(deploy(ed|ing|ment)?|rolling out|rollout|released?|upgrad(e|ed|ing)|rollback|rolled back|"
            + "restart(ed|ing)?|config(uration)? (reload|change)d?|feature flag|migrat(ion|ing|ed))\\b");

    private final Redactor redactor;

    public FactsReportBuilder(Redactor redactor) {
        this.redactor = redactor;
    }

    public FactsReport build(Incident incident, EvidenceBuffer buffer) {
        Instant from = incident.start().minus(BEFORE);
        Instant start = incident.start();
        Instant end = incident.end().plusSeconds(1);
        List<EvidenceBuffer.Line> lines = new ArrayList<>();
        for (String service : incident.services()) {
            buffer.lines(service).stream().filter(l -> !l.time().isBefore(from) && l.time().isBefore(end)).forEach(lines::add);
        }
        lines.sort(Comparator.comparing(EvidenceBuffer.Line::time)); // stable: a service's own order is kept
        Map<String, long[]> counts = templateCounts(lines, start);

        List<Anomaly> chosen = incident.anomalies().stream()
                .sorted(Comparator.comparing(Anomaly::severity).reversed()
                        .thenComparing(Comparator.comparingDouble(Anomaly::score).reversed())
                        .thenComparing(Anomaly::start))
                .limit(MAX_ANOMALIES)
                .sorted(Comparator.comparing(Anomaly::start).thenComparing(Anomaly::check))
                .toList();
        Anomaly first = incident.anomalies().get(0);
        String firstSignal = first.start() + " " + first.check() + ": " + first.text();

        return fit(new FactsReport(incident.id(), incident.service(), incident.start(), incident.end(),
                incident.severity(), incident.status(), firstSignal,
                chosen.stream().map(FactsReportBuilder::fact).toList(),
                templates(counts, buffer),
                samples(lines, start),
                incident.services().stream().flatMap(s -> metrics(s, lines, buffer, from, start, end).stream()).toList(),
                incident.anomalies().size() > MAX_ANOMALIES, incident.services(), changes(lines, counts, start, buffer)));
    }

    /**
     * Makes the report fit a small model's context ({@link #TOKEN_BUDGET} estimated tokens): fewer
     * points per series, then fewer anomalies with shorter evidence, fewer and shorter lines, fewer
     * templates and series, each step only if still needed; a cut report says it is summarised.
     */
    static FactsReport fit(FactsReport f) {
        FactsReport r = f;
        for (int step = 0; step < 5 && FactsJson.estimatedTokens(r) > TOKEN_BUDGET; step++) {
            r = switch (step) {
                case 0 -> with(r, r.anomalies(), r.templates(), r.sampleLines(), r.metrics().stream()
                        .map(m -> new MetricFact(m.series(), m.baseline(), m.minDuring(), m.maxDuring(), thin(m.points(), 4))).toList());
                case 1 -> with(r, r.anomalies().stream()
                                .sorted(Comparator.comparing(AnomalyFact::severity).reversed().thenComparing(AnomalyFact::start))
                                .limit(MAX_ANOMALIES / 2).sorted(Comparator.comparing(AnomalyFact::start).thenComparing(AnomalyFact::check))
                                .map(a -> new AnomalyFact(a.check(), a.series(), a.start(), a.end(), a.severity(), a.score(), a.text(),
                                        brief(a.evidence()))).toList(), r.templates(), r.sampleLines(), r.metrics());
                case 2 -> with(r, r.anomalies(), r.templates(), r.sampleLines().stream().limit(3)
                        .map(l -> l.length() > 200 ? l.substring(0, 200) + "…" : l).toList(), r.metrics());
                case 3 -> with(r, r.anomalies(), r.templates().stream().limit(MAX_TEMPLATES / 2)
                        .map(t -> new TemplateFact(t.templateId(), t.template().length() > 160 ? t.template().substring(0, 160) + "…"
                                : t.template(), t.before(), t.during())).toList(), r.sampleLines(), r.metrics());
                default -> with(r, r.anomalies(), r.templates(), r.sampleLines(), r.metrics().stream()
                        .sorted(Comparator.comparingDouble((MetricFact m) -> -(m.maxDuring() - m.baseline()) / Math.max(Math.abs(m.baseline()), 1))
                                .thenComparing(MetricFact::series)).limit(6).map(m -> new MetricFact(m.series(), m.baseline(),
                                        m.minDuring(), m.maxDuring(), List.of())).toList());
            };
        }
        return r;
    }

    private static FactsReport with(FactsReport f, List<AnomalyFact> anomalies, List<TemplateFact> templates, List<String> lines,
                                    List<MetricFact> metrics) {
        return new FactsReport(f.incidentId(), f.service(), f.start(), f.end(), f.severity(), f.status(), f.firstSignal(),
                anomalies, templates, lines, metrics, true, f.services(), f.changes());
    }

    private static List<Point> thin(List<Point> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(points.get((int) ((long) i * (points.size() - 1) / (max - 1))));
        }
        return out;
    }

    /** The numbers of an anomaly's evidence, without its lists and long texts. */
    private static Map<String, Object> brief(Map<String, Object> evidence) {
        Map<String, Object> out = new TreeMap<>();
        evidence.forEach((k, v) -> {
            if (v instanceof Number && out.size() < 4) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * What changed: templates first seen during the incident (before it, the buffer never saw them),
     * and lines that say a deploy, a release, a restart or a configuration change happened.
     */
    private List<String> changes(List<EvidenceBuffer.Line> lines, Map<String, long[]> counts, Instant start,
                                 EvidenceBuffer buffer) {
        List<String> out = new ArrayList<>();
        counts.forEach((id, c) -> {
            if (c[0] == 0 && c[1] > 0 && buffer.firstSeen(id) != null && !buffer.firstSeen(id).isBefore(start)
                    && out.size() < MAX_CHANGES) {
                out.add("new template (" + c[1] + " lines): " + redactor.redact(buffer.templateText(id)));
            }
        });
        for (EvidenceBuffer.Line l : lines) {
            if (out.size() >= 2 * MAX_CHANGES) {
                break;
            }
            if (CHANGE_LINE.matcher(l.raw()).find()) {
                out.add("change: " + shorten(redactor.redact(l.raw())));
            }
        }
        return out;
    }

    private static AnomalyFact fact(Anomaly a) {
        Map<String, Object> evidence = new TreeMap<>(a.evidence());
        evidence.remove("samples");
        return new AnomalyFact(a.check(), a.series(), a.start(), a.end(), a.severity(), a.score(), a.text(), evidence);
    }

    /** Per template (sorted by id), its lines before the incident and during it. */
    private static Map<String, long[]> templateCounts(List<EvidenceBuffer.Line> lines, Instant start) {
        Map<String, long[]> counts = new TreeMap<>();
        for (EvidenceBuffer.Line l : lines) {
            counts.computeIfAbsent(l.templateId(), k -> new long[2])[l.time().isBefore(start) ? 0 : 1]++;
        }
        return counts;
    }

    private List<TemplateFact> templates(Map<String, long[]> counts, EvidenceBuffer buffer) {
        return counts.entrySet().stream()
                .map(e -> new TemplateFact(e.getKey(), redactor.redact(buffer.templateText(e.getKey())), e.getValue()[0],
                        e.getValue()[1]))
                .filter(t -> t.during() > 0)
                .sorted(Comparator.comparingLong((TemplateFact t) -> t.during() - t.before()).reversed()
                        .thenComparing(TemplateFact::templateId))
                .limit(MAX_TEMPLATES)
                .toList();
    }

    /** The first line of each template during the incident, worst levels first. */
    private List<String> samples(List<EvidenceBuffer.Line> lines, Instant start) {
        Set<String> seen = new LinkedHashSet<>();
        List<EvidenceBuffer.Line> picked = new ArrayList<>();
        lines.stream()
                .filter(l -> !l.time().isBefore(start))
                .sorted(Comparator.comparing(EvidenceBuffer.Line::level).reversed()
                        .thenComparing(EvidenceBuffer.Line::time))
                .forEach(l -> {
                    if (picked.size() < MAX_SAMPLES && seen.add(l.templateId())) {
                        picked.add(l);
                    }
                });
        picked.sort(Comparator.comparing(EvidenceBuffer.Line::time));
        // redacted whole, then shortened: a cut must not leave half a secret that no rule recognises
        return picked.stream().map(l -> shorten(redactor.redact(l.raw()))).toList();
    }

    private static String shorten(String raw) {
        String[] parts = raw.split("\n", 4);
        String s = String.join("\n", java.util.Arrays.asList(parts).subList(0, Math.min(3, parts.length)));
        return s.length() > MAX_LINE_CHARS ? s.substring(0, MAX_LINE_CHARS) + "…" : s;
    }

    private static List<MetricFact> metrics(String service, List<EvidenceBuffer.Line> lines, EvidenceBuffer buffer,
                                            Instant from, Instant start, Instant end) {
        List<MetricFact> out = new ArrayList<>();
        Map<Instant, double[]> perMinute = new TreeMap<>();
        for (Instant m = minute(from); m.isBefore(end); m = m.plusSeconds(60)) {
            perMinute.put(m, new double[2]);
        }
        for (EvidenceBuffer.Line l : lines) {
            double[] c = perMinute.get(minute(l.time()));
            if (c != null) {
                c[0]++;
                c[1] += l.level().isErrorOrWorse() ? 1 : 0;
            }
        }
        out.add(series(service + "/log_events_per_min", perMinute, 0, start));
        out.add(series(service + "/log_errors_per_min", perMinute, 1, start));
        buffer.samplesOf(service).forEach((name, samples) -> {
            if (out.stream().anyMatch(m -> m.series().equals(name))) {
                return; // LogMetrics' log_errors_per_min: the same counts, taken above from the lines, last minutes included
            }
            List<MetricSample> window = samples.stream()
                    .filter(s -> !s.time().isBefore(from) && s.time().isBefore(end)).toList();
            if (!window.isEmpty()) {
                Map<Instant, double[]> values = new TreeMap<>();
                window.forEach(s -> values.put(s.time(), new double[] {s.value()}));
                out.add(series(name, values, 0, start));
            }
        });
        return out;
    }

    private static MetricFact series(String name, Map<Instant, double[]> values, int column, Instant start) {
        double sumBefore = 0;
        int nBefore = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<Point> all = new ArrayList<>();
        for (var e : values.entrySet()) {
            double v = e.getValue()[column];
            all.add(new Point(e.getKey(), v));
            if (e.getKey().isBefore(start)) {
                sumBefore += v;
                nBefore++;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double baseline = nBefore == 0 ? 0 : round(sumBefore / nBefore);
        return new MetricFact(name, baseline, Double.isInfinite(min) ? 0 : min, Double.isInfinite(max) ? 0 : max,
                thin(all, MAX_POINTS));
    }

    private static Instant minute(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 60) * 60);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
