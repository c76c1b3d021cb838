package dev.vigie.report;

import dev.vigie.agent.AgentTeam;
import dev.vigie.agent.Analysis;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.privacy.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The last stage: hands an incident's facts to the agents, renders their analysis as a report,
 * writes the report and the facts side by side, and tells every notifier.
 */
public final class ReportStage {
    private final AgentTeam team;
    private final Redactor redactor;
    private final ReportRenderer renderer;
    private final ReportFiles files;
    private final List<Notifier> notifiers;

    public ReportStage(AgentTeam team, Redactor redactor, ReportFiles files, List<Notifier> notifiers) {
        this.team = team;
        this.redactor = redactor;
        this.renderer = new ReportRenderer(redactor);
        this.files = files;
        this.notifiers = List.copyOf(notifiers);
    }

    /** An incident's analysis and its report, rendered but not written yet. */
    public record Draft(FactsReport facts, Analysis analysis, String factsJson, String markdown) {
    }

    public IncidentReport analyse(FactsReport facts) {
        return publish(draft(facts));
    }

    /** Asks the agents (or the offline analyst) and renders the report. */
    public Draft draft(FactsReport facts) {
        Analysis analysis = team.analyse(facts);
        return new Draft(facts, analysis, FactsJson.write(facts), renderer.render(facts, analysis));
    }

    /**
     * Writes the report and the facts, then tells the notifiers.
     *
     * @throws java.io.UncheckedIOException when the files cannot be written (a full disk): the draft can be published again
     */
    public IncidentReport publish(Draft d) {
        FactsReport facts = d.facts();
        Analysis analysis = d.analysis();
        Path report = files.write(facts.incidentId(), d.markdown(), d.factsJson());
        String state = facts.status().name().toLowerCase(Locale.ROOT);
        // a reopened incident resolves again later: its window's end tells the two resolutions apart
        Notification n = new Notification(facts.incidentId(), state + "@" + facts.end(), String.format(Locale.ROOT,
                "[Vigie] %s %s: %s incident %s (%s)", facts.severity(), facts.service(), analysis.domain(), facts.incidentId(),
                state), d.markdown());
        notifiers.forEach(x -> x.send(n));
        return new IncidentReport(facts.incidentId(), facts.service(), facts.start(), facts.end(), facts.severity(),
                facts.status(), d.factsJson(), analysis.domain(), redactor.redact(analysis.cause()), analysis.analyst(),
                report.toString(), analysis.steps().stream().map(redactor::redact).toList());
    }

    /** What became of the notifications, in a few words each; empty when there is no notifier. */
    public String notifications() {
        return String.join(" · ", notifiers.stream().map(Notifier::summary).toList());
    }
}
