package dev.vigie.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.event.Plural;
import dev.vigie.incident.FactsReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the analysts' roles without a model, from the playbook library in resources: each
 * playbook's signals are matched against the evidence (log lines weighted by the severity they
 * show, templates by how often they occurred, anomaly sentences), and the playbook with the most
 * weighted evidence names the domain, the cause and what to do. Deterministic: the same lines give
 * the same answer, and ties go to the playbook listed first.
 */
public final class OfflineAnalyst {
    /** A signal found on more lines than this adds nothing more: one line repeated does not outweigh a varied picture. */
    static final int LINES_PER_SIGNAL = 3;
    /** Below this, nothing is recognised, and the analyst says so instead of guessing. */
    static final double MIN_SCORE = 1.0;
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}|\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}|\\w{3} +\\d{1,2} \\d{2}:\\d{2}:\\d{2}");

    /** The id prefix of the general signs, which come after the playbooks. */
    static final String GENERAL = "general-";

    private final List<Playbook> playbooks;

    public OfflineAnalyst() {
        this.playbooks = load();
    }

    /** One playbook's weight of evidence, the evidence that weighed most, and the first evidence it matched. */
    record Score(Playbook playbook, double score, Evidence strongest, int firstIndex) {
    }

    /** The weight kept by a playbook whose first sign comes after the first abnormal line. */
    static final double LATE_DISCOUNT = 0.5;
    /** How many hypotheses an analysis ranks at most. */
    static final int HYPOTHESES = 3;

    public Analysis analyse(FactsReport facts, String note) {
        List<Evidence> evidence = new ArrayList<>();
        for (FactsReport.TemplateFact t : facts.templates()) {
            // templates and anomalies have no order in time here: one record, the first
            evidence.add(new Evidence(t.template(), Math.min(2.0, 0.5 + 0.5 * Math.log1p(t.during()) / Math.log(2)), 0));
        }
        LineLevels.of(facts.sampleLines()).forEach(e -> evidence.add(new Evidence(e.text(), e.weight(), 1 + e.record())));
        for (FactsReport.AnomalyFact a : facts.anomalies()) {
            evidence.add(new Evidence(a.text(), 0.5, 0));
        }
        List<Score> ranked = rank(evidence);
        if (ranked.isEmpty()) {
            return new Analysis(Domain.APPLICATION.label(),
                    "The lines show no known failure; the first abnormal signal was: " + facts.firstSignal(),
                    List.of("Read the sample lines and the first signal below", "Check recent deploys and configuration changes of " + facts.service()),
                    checks(List.of("Compare the templates during the incident with the hour before"), Domain.APPLICATION.label(), facts),
                    "offline:none", note);
        }
        Playbook best = ranked.get(0).playbook();
        return new Analysis(best.domain().label(), best.cause(), best.steps(), checks(best.checks(), best.domain().label(), facts),
                "offline:" + best.id(), note,
                0, 0, hypotheses(ranked, evidence));
    }

    /** The playbook's checks, then its domain specialist's, filled in from the facts. */
    private static List<String> checks(List<String> playbook, String domain, FactsReport facts) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(playbook);
        all.addAll(OfflineSpecialist.of(domain).checks(OfflineSpecialist.Clues.of(facts)));
        return List.copyOf(all);
    }

    /** A diagnosis of raw log lines, as {@code vigie diagnose} gives it. */
    public Diagnosis diagnose(List<String> lines) {
        List<Evidence> evidence = LineLevels.of(lines);
        List<Score> ranked = rank(evidence);
        String severity = severity(evidence);
        if (ranked.isEmpty()) {
            // said plainly, with where to start: the first line that shows a warning or worse (else the first line)
            int first = lineOf(evidence, firstAbnormal(evidence));
            String firstSignal = first >= 0 ? lines.get(first) : lines.isEmpty() ? "" : lines.get(0);
            return new Diagnosis(Domain.APPLICATION.label(), "The lines show no known failure: none matches a failure Vigie knows.",
                    severity, 0, String.format(Locale.ROOT, "Nothing recognised in %s; read the error lines first.",
                            Plural.of(lines.size(), "line")),
                    List.of("Read the error lines in order and find the first one", "Check what changed just before it"),
                    List.of(), "none", 0, 0, List.of(), firstSignal);
        }
        Score best = ranked.get(0);
        double rival = ranked.stream().filter(s -> s.playbook().domain() != best.playbook().domain())
                .mapToDouble(Score::score).findFirst().orElse(0);
        // a domain told by general signs only is said with less confidence than a playbook's named failure
        double honesty = best.playbook().id().startsWith(GENERAL) ? 0.6 : 1;
        double confidence = Math.round(100 * honesty * best.score() / (best.score() + rival) * Math.min(1, best.score() / 4)) / 100.0;
        // every fact the summary cites is taken from the lines, and checked against them
        String excerpt = excerpt(best.strongest().text(), best.playbook());
        Matcher time = TIME.matcher(best.strongest().text());
        String at = time.find() ? time.group() : null;
        long errors = evidence.stream().filter(e -> e.weight() >= LineLevels.ERROR).count();
        String summary = String.format(Locale.ROOT, "%s: %s Strongest evidence%s: \"%s\"; %d of %d lines are errors or part of one.",
                best.playbook().domain().label(), firstSentence(best.playbook().cause()), at == null ? "" : " at " + at,
                excerpt, errors, lines.size());
        int claims = at == null ? 1 : 2;
        int grounded = (lines.stream().anyMatch(l -> l.contains(excerpt)) ? 1 : 0)
                + (at != null && lines.stream().anyMatch(l -> l.contains(at)) ? 1 : 0);
        int firstAbnormal = lineOf(evidence, firstAbnormal(evidence));
        return new Diagnosis(best.playbook().domain().label(), best.playbook().cause(), severity, confidence, summary,
                best.playbook().steps(), best.playbook().checks(), best.playbook().id(), claims, grounded,
                hypotheses(ranked, evidence), firstAbnormal < 0 ? "" : lines.get(firstAbnormal));
    }

    /** Every playbook with evidence, the best first; ties keep the library's order. */
    List<Score> rank(List<Evidence> evidence) {
        List<Score> scores = new ArrayList<>();
        for (Playbook p : playbooks) {
            double total = 0;
            Evidence strongest = null;
            double strongestWeight = 0;
            int firstIndex = Integer.MAX_VALUE;
            for (Playbook.Signal signal : p.signals()) {
                List<Double> found = new ArrayList<>();
                for (int i = 0; i < evidence.size(); i++) {
                    Evidence e = evidence.get(i);
                    if (signal.pattern().matcher(e.text()).find()) {
                        found.add(e.weight());
                        firstIndex = Math.min(firstIndex, e.record());
                        if (signal.weight() * e.weight() > strongestWeight) {
                            strongestWeight = signal.weight() * e.weight();
                            strongest = e;
                        }
                    }
                }
                found.sort(Comparator.reverseOrder());
                for (int i = 0; i < Math.min(LINES_PER_SIGNAL, found.size()); i++) {
                    total += signal.weight() * found.get(i);
                }
            }
            if (total >= MIN_SCORE) {
                scores.add(new Score(p, total, strongest, firstIndex));
            }
        }
        // what shows only after the first abnormal line is more likely a consequence than the cause
        int first = firstAbnormal(evidence);
        if (first >= 0) {
            scores.replaceAll(s -> s.firstIndex() > first
                    ? new Score(s.playbook(), s.score() * LATE_DISCOUNT, s.strongest(), s.firstIndex()) : s);
        }
        scores.sort(Comparator.comparingDouble(Score::score).reversed()); // stable: ties keep the library's order
        return scores;
    }

    /**
     * The best playbook of each domain, best first, with what speaks for it (its strongest lines) and
     * against it (less evidence than the leader; a first sign that comes after the first abnormal line,
     * the mark of a symptom rather than a cause; a rival that also fits).
     */
    static List<Hypothesis> hypotheses(List<Score> ranked, List<Evidence> evidence) {
        List<Score> distinct = new ArrayList<>();
        for (Score s : ranked) {
            if (distinct.size() < HYPOTHESES && distinct.stream().noneMatch(d -> d.playbook().domain() == s.playbook().domain())) {
                distinct.add(s);
            }
        }
        double total = distinct.stream().mapToDouble(Score::score).sum();
        int first = firstAbnormal(evidence);
        List<Hypothesis> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            Score s = distinct.get(i);
            List<String> against = new ArrayList<>();
            if (i > 0) {
                against.add(String.format(Locale.ROOT, "less evidence: %.1f against %.1f for %s", s.score(),
                        distinct.get(0).score(), distinct.get(0).playbook().domain().label()));
            } else if (distinct.size() > 1) {
                against.add(distinct.get(1).playbook().domain().label() + " also fits: \""
                        + excerpt(distinct.get(1).strongest().text(), distinct.get(1).playbook()) + "\"");
            }
            if (first >= 0 && s.firstIndex() > first) {
                against.add("its first sign (line " + (lineOf(evidence, s.firstIndex()) + 1) + ") comes after the first abnormal line (line "
                        + (lineOf(evidence, first) + 1) + "): it may be a consequence");
            }
            out.add(new Hypothesis(s.playbook().domain().label(), s.playbook().cause(),
                    Math.round(100 * s.score() / total) / 100.0,
                    List.of("\"" + excerpt(s.strongest().text(), s.playbook()) + "\""), against));
        }
        if (out.size() == 1) {
            // one explanation is never the only one worth saying: the lines may not hold the cause at all
            out.add(new Hypothesis("other", "A cause these lines do not show (a change or a fault in a component that logged nothing here).",
                    0, List.of(), List.of("no line matches any other known failure")));
        }
        return out;
    }

    /** The record of the first line that shows a warning or worse, or -1. */
    private static int firstAbnormal(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.weight() >= LineLevels.WARN) {
                return e.record();
            }
        }
        return -1;
    }

    /** The index of the first line of a record. */
    private static int lineOf(List<Evidence> evidence, int record) {
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i).record() == record) {
                return i;
            }
        }
        return -1;
    }

    private static String severity(List<Evidence> evidence) {
        long errors = evidence.stream().filter(e -> e.weight() >= LineLevels.ERROR).count();
        boolean fatal = evidence.stream().anyMatch(e -> e.weight() >= LineLevels.FATAL);
        return fatal || errors >= 5 ? "critical" : errors > 0 || evidence.stream().anyMatch(e -> e.weight() >= LineLevels.WARN)
                ? "warning" : "info";
    }

    /** The part of the line that matched the playbook, with a little context, at most 120 characters. */
    private static String excerpt(String line, Playbook p) {
        for (Playbook.Signal s : p.signals()) {
            Matcher m = s.pattern().matcher(line);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(line.length(), Math.min(Math.max(m.end() + 40, from + 60), from + 120));
                // whole words at both ends, when a space is near
                int space = line.lastIndexOf(' ', from);
                from = space >= 0 && from - space < 20 && from > 0 ? space + 1 : from;
                int next = line.indexOf(' ', to);
                to = next > 0 && next - to < 20 ? next : to;
                return line.substring(from, to).strip();
            }
        }
        return line.substring(0, Math.min(120, line.length())).strip();
    }

    private static String firstSentence(String s) {
        int colon = s.indexOf(": ");
        int dot = s.indexOf(". ");
        int end = colon > 0 ? colon : dot > 0 ? dot : s.length() - 1;
        return s.substring(0, end) + ".";
    }

    /**
     * The playbooks, then the general signs of each domain (error codes, errno names, exception
     * types, the layer a component belongs to), listed last so that a playbook that fits as well
     * wins: a technology without a playbook still lands in its domain.
     */
    private static List<Playbook> load() {
        List<Playbook> all = new ArrayList<>(load("playbooks.json"));
        all.addAll(load("general-signs.json"));
        return List.copyOf(all);
    }

    private static List<Playbook> load(String resource) {
        try (InputStream in = OfflineAnalyst.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            List<Playbook> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                List<Playbook.Signal> signals = new ArrayList<>();
                for (JsonNode s : n.get("signals")) {
                    signals.add(new Playbook.Signal(Pattern.compile(s.get("re").asText()), s.get("w").asDouble()));
                }
                out.add(new Playbook(n.get("id").asText(), Domain.valueOf(n.get("domain").asText()), n.get("cause").asText(),
                        List.copyOf(signals), Answers.strings(n.get("steps")), Answers.strings(n.get("checks"))));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
