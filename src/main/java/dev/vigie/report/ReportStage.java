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

    public IncidentReport analyse(FactsReport facts) {
        Analysis analysis = team.analyse(facts);
        String factsJson = FactsJson.write(facts);
        String markdown = renderer.render(facts, analysis);
        Path report = files.write(facts.incidentId(), markdown, factsJson);
        String state = facts.status().name().toLowerCase(Locale.ROOT);
        // a reopened incident resolves again later: its window's end tells the two resolutions apart
        Notification n = new Notification(facts.incidentId(), state + "@" + facts.end(), String.format(Locale.ROOT,
                "[Vigie] %s %s: %s incident %s (%s)", facts.severity(), facts.service(), analysis.domain(), facts.incidentId(),
                state), markdown);
        notifiers.forEach(x -> x.send(n));
        return new IncidentReport(facts.incidentId(), facts.service(), facts.start(), facts.end(), facts.severity(),
                facts.status(), factsJson, analysis.domain(), redactor.redact(analysis.cause()), analysis.analyst(),
                report.toString());
    }

    /** What became of the notifications, in a few words each; empty when there is no notifier. */
    public String notifications() {
        return String.join(" · ", notifiers.stream().map(Notifier::summary).toList());
    }
}
