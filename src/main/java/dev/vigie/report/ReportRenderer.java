package dev.vigie.report;

import dev.vigie.agent.Analysis;
import dev.vigie.agent.Hypothesis;
import dev.vigie.event.Plural;
import dev.vigie.incident.FactsReport;
import dev.vigie.privacy.Redactor;
import java.util.Locale;

/**
 * The Markdown report of an incident, for a CTO: summary, impact, timeline, root cause with its
 * evidence, the hypotheses weighed, a prioritised action plan, what is unknown — the reporter's
 * text when a model wrote one, else the same sections from the facts — then the facts it rests on.
 */
public final class ReportRenderer {
    private static final int TIMELINE = 10;

    /** The facts are redacted already; what an analyst wrote is redacted again, in case it repeats a line. */
    private final Redactor redactor;

    public ReportRenderer(Redactor redactor) {
        this.redactor = redactor;
    }

    public String render(FactsReport f, Analysis a) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(f.incidentId()).append(" — ").append(f.service()).append(": ")
                .append(a.domain()).append(" incident\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Severity", f.severity().name());
        row(md, "Status", f.status().name());
        row(md, "Window (event time)", f.start() + " → " + f.end());
        if (f.services().size() > 1) {
            row(md, "Services", String.join(", ", f.services()) + " (began in " + f.service() + ")");
        }
        row(md, "Domain", a.domain());
        row(md, "Analyst", a.analyst());
        if (a.claims() > 0) {
            row(md, "Grounding", "grounded: " + a.grounded() + "/" + a.claims() + " claims found in the facts"
                    + (a.grounded() < a.claims() ? " (the others are marked)" : ""));
        }
        // every report has these sections, from the facts and the validated analysis; a model's account is beside them
        summary(md, f, a);
        if (!a.narrative().isBlank()) {
            md.append("\n## In the model's words\n\n").append(a.narrative().strip()).append("\n");
        }
        impact(md, f);
        timeline(md, f);
        md.append("\n## Root cause\n\n").append(redactor.redact(a.cause())).append("\n");
        if (!a.hypotheses().isEmpty() && !a.hypotheses().get(0).evidenceFor().isEmpty()) {
            md.append("\nEvidence: ").append(redactor.redact(String.join("; ", a.hypotheses().get(0).evidenceFor()))
                    .replace("`", "'")).append("\n");
        }
        if (a.hypotheses().size() > 1) {
            md.append("\n## Hypotheses weighed\n\n");
            for (Hypothesis h : a.hypotheses()) {
                md.append(String.format(Locale.ROOT, "- **%s** (%.0f%% of the evidence): %s%n", h.domain(), 100 * h.share(),
                        redactor.redact(firstSentence(h.cause()))));
                h.evidenceFor().forEach(e -> md.append("  - for: ").append(redactor.redact(e).replace("`", "'")).append("\n"));
                h.evidenceAgainst().forEach(e -> md.append("  - against: ").append(redactor.redact(e).replace("`", "'")).append("\n"));
            }
        }
        actionPlan(md, a);
        if (!a.checks().isEmpty()) {
            md.append("\n## Checks\n\n");
            a.checks().forEach(c -> md.append("- `").append(c.replace("`", "'")).append("`\n"));
        }
        unknowns(md, f, a);
        if (!f.changes().isEmpty()) {
            md.append("\n## What changed\n\n");
            f.changes().forEach(c -> md.append("- ").append(redactor.redact(c).replace("`", "'")).append("\n"));
        }
        md.append("\n## Facts\n\n");
        md.append("First abnormal signal: ").append(redactor.redact(f.firstSignal())).append("\n\n");
        f.anomalies().forEach(x -> md.append("- ").append(x.start()).append(" **").append(x.severity()).append("** ")
                .append(x.check()).append(": ").append(redactor.redact(x.text())).append("\n"));
        if (f.summarised()) {
            md.append("- … more anomalies, summarised in the facts report\n");
        }
        if (!f.templates().isEmpty()) {
            md.append("\n| template | before | during |\n|---|---:|---:|\n");
            f.templates().forEach(t -> md.append("| `").append(redactor.redact(t.template()).replace("|", "\\|").replace("`", "'"))
                    .append("` | ").append(t.before()).append(" | ").append(t.during()).append(" |\n"));
        }
        if (!f.metrics().isEmpty()) {
            md.append("\n| series | baseline | min during | max during |\n|---|---:|---:|---:|\n");
            f.metrics().forEach(m -> md.append("| ").append(m.series()).append(" | ").append(num(m.baseline()))
                    .append(" | ").append(num(m.minDuring())).append(" | ").append(num(m.maxDuring())).append(" |\n"));
        }
        if (!f.sampleLines().isEmpty()) {
            md.append("\nSample lines:\n\n```\n");
            f.sampleLines().forEach(l -> md.append(redactor.redact(l).replace("```", "'''")).append("\n"));
            md.append("```\n");
        }
        md.append("\n---\n");
        if (a.offline()) {
            md.append("_Written offline by Vigie's deterministic analyst from its playbooks; no model was used");
            md.append(a.note().isEmpty() ? "" : " (" + a.note() + ")").append("._\n");
        } else {
            md.append("_Written by the model ").append(a.analyst().substring("ollama:".length())).append(" from the facts above")
                    .append(a.note().isEmpty() ? "" : "; " + redactor.redact(a.note())).append("._\n");
        }
        return md.toString();
    }

    private void summary(StringBuilder md, FactsReport f, Analysis a) {
        md.append("\n## Summary\n\n").append(String.format(Locale.ROOT, "%s %s incident on %s, %s long, %s: %s%n",
                f.severity(), a.domain(), String.join(", ", f.services()), duration(f),
                f.status().name().toLowerCase(Locale.ROOT), redactor.redact(firstSentence(a.cause()))));
    }

    /** What the facts measured of the damage: the series that moved most against their baseline. */
    private void impact(StringBuilder md, FactsReport f) {
        md.append("\n## Impact\n\n");
        md.append(String.format(Locale.ROOT, "- %s over %s, on %s%n", Plural.of(f.anomalies().size(), "anomaly"), duration(f),
                String.join(", ", f.services())));
        f.metrics().stream()
                .filter(m -> m.maxDuring() > m.baseline())
                .sorted(java.util.Comparator.comparingDouble((FactsReport.MetricFact m) ->
                        -(m.maxDuring() - m.baseline()) / Math.max(Math.abs(m.baseline()), 1)).thenComparing(FactsReport.MetricFact::series))
                .limit(3)
                .forEach(m -> md.append("- ").append(m.series()).append(": up to ").append(num(m.maxDuring()))
                        .append(" (").append(num(m.baseline())).append(" before)\n"));
    }

    private void timeline(StringBuilder md, FactsReport f) {
        md.append("\n## Timeline\n\n");
        md.append("- first abnormal signal: ").append(redactor.redact(f.firstSignal())).append("\n");
        f.anomalies().stream().limit(TIMELINE).forEach(x -> md.append("- ").append(x.start()).append(" ").append(x.check())
                .append(": ").append(redactor.redact(x.text())).append("\n"));
        if (f.anomalies().size() > TIMELINE) {
            md.append("- … ").append(f.anomalies().size() - TIMELINE).append(" more below\n");
        }
        md.append("- ").append(f.end()).append(" ").append(f.status().name().toLowerCase(Locale.ROOT)).append("\n");
    }

    /** P1 to P3, each with who, what and how it will be verified. */
    private void actionPlan(StringBuilder md, Analysis a) {
        md.append("\n## Action plan\n\n");
        boolean planned = a.steps().stream().allMatch(s -> s.matches("P[1-3].*"));
        if (planned) {
            a.steps().forEach(s -> md.append("- ").append(redactor.redact(s)).append("\n"));
            return;
        }
        md.append("| priority | who | what | verification |\n|---|---|---|---|\n");
        for (int i = 0; i < a.steps().size(); i++) {
            String verify = i < a.checks().size() ? a.checks().get(i) : "the first abnormal signal is normal again";
            md.append("| P").append(Math.min(3, i + 1)).append(" | ").append(owner(a.domain())).append(" | ")
                    .append(redactor.redact(a.steps().get(i)).replace("|", "\\|")).append(" | ")
                    .append(redactor.redact(verify).replace("|", "\\|").replace("`", "'")).append(" |\n");
        }
    }

    private void unknowns(StringBuilder md, FactsReport f, Analysis a) {
        md.append("\n## What we do not know\n\n");
        if (a.offline()) {
            md.append("- No model read these facts: the cause is the playbook that matched them best, not a reasoned one.\n");
        }
        if (a.hypotheses().size() > 1 && a.hypotheses().get(1).share() > 0.25) {
            md.append("- Whether ").append(a.hypotheses().get(1).domain()).append(" is the cause instead: it holds ")
                    .append(Math.round(100 * a.hypotheses().get(1).share())).append("% of the evidence.\n");
        }
        if (f.metrics().stream().noneMatch(m -> !m.series().endsWith("/log_events_per_min") && !m.series().endsWith("/log_errors_per_min"))) {
            md.append("- How the services' own metrics moved: the facts hold log-derived series only.\n");
        }
        if (f.summarised()) {
            md.append("- The anomalies left out of this summary (the facts report was cut to fit).\n");
        }
        md.append("- Anything that happened before the window or outside these services' logs.\n");
    }

    private static String owner(String domain) {
        return switch (domain) {
            case "database" -> "DBA / backend on-call";
            case "network" -> "network / platform on-call";
            case "security" -> "security on-call";
            case "infrastructure" -> "platform / SRE on-call";
            case "integration" -> "owners of the integration";
            default -> "service owners";
        };
    }

    private static String duration(FactsReport f) {
        long s = Math.max(1, java.time.Duration.between(f.start(), f.end()).getSeconds());
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot + 1) : s;
    }
}
