package dev.vigie.agent;

import dev.vigie.incident.FactsReport;
import dev.vigie.privacy.Redactor;
import java.util.Locale;

/** The Markdown report of an incident: the analysis first, then the facts it rests on. */
public final class ReportRenderer {
    /** The facts are redacted already; what an analyst wrote is redacted again, in case it repeats a line. */
    private static final Redactor REDACTOR = Redactor.standard();

    private ReportRenderer() {
    }

    public static String render(FactsReport f, Analysis a) {
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
        if (!a.narrative().isBlank()) {
            md.append("\n").append(a.narrative().strip()).append("\n");
        }
        md.append("\n## Probable cause\n\n").append(REDACTOR.redact(a.cause())).append("\n");
        if (a.hypotheses().size() > 1) {
            md.append("\n## Hypotheses weighed\n\n");
            for (Hypothesis h : a.hypotheses()) {
                md.append(String.format(Locale.ROOT, "- **%s** (%.0f%% of the evidence): %s%n", h.domain(), 100 * h.share(),
                        REDACTOR.redact(firstSentence(h.cause()))));
                h.evidenceFor().forEach(e -> md.append("  - for: ").append(REDACTOR.redact(e).replace("`", "'")).append("\n"));
                h.evidenceAgainst().forEach(e -> md.append("  - against: ").append(REDACTOR.redact(e).replace("`", "'")).append("\n"));
            }
        }
        md.append("\n## What to do first\n\n");
        for (int i = 0; i < a.steps().size(); i++) {
            md.append(i + 1).append(". ").append(REDACTOR.redact(a.steps().get(i))).append("\n");
        }
        if (!a.checks().isEmpty()) {
            md.append("\n## Checks\n\n");
            a.checks().forEach(c -> md.append("- `").append(c.replace("`", "'")).append("`\n"));
        }
        if (!f.changes().isEmpty()) {
            md.append("\n## What changed\n\n");
            f.changes().forEach(c -> md.append("- ").append(REDACTOR.redact(c).replace("`", "'")).append("\n"));
        }
        md.append("\n## Facts\n\n");
        md.append("First abnormal signal: ").append(REDACTOR.redact(f.firstSignal())).append("\n\n");
        f.anomalies().forEach(x -> md.append("- ").append(x.start()).append(" **").append(x.severity()).append("** ")
                .append(x.check()).append(": ").append(REDACTOR.redact(x.text())).append("\n"));
        if (f.summarised()) {
            md.append("- … more anomalies, summarised in the facts report\n");
        }
        if (!f.templates().isEmpty()) {
            md.append("\n| template | before | during |\n|---|---:|---:|\n");
            f.templates().forEach(t -> md.append("| `").append(REDACTOR.redact(t.template()).replace("|", "\\|").replace("`", "'"))
                    .append("` | ").append(t.before()).append(" | ").append(t.during()).append(" |\n"));
        }
        if (!f.metrics().isEmpty()) {
            md.append("\n| series | baseline | min during | max during |\n|---|---:|---:|---:|\n");
            f.metrics().forEach(m -> md.append("| ").append(m.series()).append(" | ").append(num(m.baseline()))
                    .append(" | ").append(num(m.minDuring())).append(" | ").append(num(m.maxDuring())).append(" |\n"));
        }
        if (!f.sampleLines().isEmpty()) {
            md.append("\nSample lines:\n\n```\n");
            f.sampleLines().forEach(l -> md.append(REDACTOR.redact(l).replace("```", "'''")).append("\n"));
            md.append("```\n");
        }
        md.append("\n---\n");
        if (a.offline()) {
            md.append("_Written offline by Vigie's deterministic analyst from its playbooks; no model was used");
            md.append(a.note().isEmpty() ? "" : " (" + a.note() + ")").append("._\n");
        } else {
            md.append("_Written by the model ").append(a.analyst().substring("ollama:".length()))
                    .append(" from the facts above._\n");
        }
        return md.toString();
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
