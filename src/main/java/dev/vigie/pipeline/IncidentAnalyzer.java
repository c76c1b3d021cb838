package dev.vigie.pipeline;

import dev.vigie.agent.AgentTeam;
import dev.vigie.agent.Analysis;
import dev.vigie.agent.ReportRenderer;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.mail.IncidentMailer;
import dev.vigie.store.IncidentReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Hands an incident's facts to the agents, writes the facts and the report next to each other, and
 * e-mails the report when a mailer is configured.
 */
public final class IncidentAnalyzer {
    private final AgentTeam team;
    private final Path reportsDir;
    private final IncidentMailer mailer;

    /** @param mailer null: no e-mail */
    public IncidentAnalyzer(AgentTeam team, Path reportsDir, IncidentMailer mailer) {
        this.team = team;
        this.reportsDir = reportsDir;
        this.mailer = mailer;
    }

    public IncidentReport analyse(FactsReport facts) {
        Analysis analysis = team.analyse(facts);
        String factsJson = FactsJson.write(facts);
        Path report = reportsDir.resolve(facts.incidentId() + ".md");
        String markdown = ReportRenderer.render(facts, analysis);
        try {
            Files.createDirectories(reportsDir);
            Files.writeString(reportsDir.resolve(facts.incidentId() + ".facts.json"), factsJson, StandardCharsets.UTF_8);
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + facts.incidentId(), e);
        }
        if (mailer != null) {
            String state = facts.status().name().toLowerCase(Locale.ROOT);
            // a reopened incident resolves again later: its window's end tells the two resolutions apart
            mailer.send(facts.incidentId(), state + "@" + facts.end(), String.format(Locale.ROOT, "[Vigie] %s %s: %s incident %s (%s)",
                    facts.severity(), facts.service(), analysis.domain(), facts.incidentId(), state), markdown);
        }
        return new IncidentReport(facts.incidentId(), facts.service(), facts.start(), facts.end(), facts.severity(),
                facts.status(), factsJson, analysis.domain(), analysis.cause(), analysis.analyst(), report.toString());
    }
}
