package dev.vigie.pipeline;

import dev.vigie.agent.AgentTeam;
import dev.vigie.agent.Analysis;
import dev.vigie.agent.ReportRenderer;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.store.IncidentReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hands an incident's facts to the agents and writes the facts and the report next to each other. */
public final class IncidentAnalyzer {
    private final AgentTeam team;
    private final Path reportsDir;

    public IncidentAnalyzer(AgentTeam team, Path reportsDir) {
        this.team = team;
        this.reportsDir = reportsDir;
    }

    public IncidentReport analyse(FactsReport facts) {
        Analysis analysis = team.analyse(facts);
        String factsJson = FactsJson.write(facts);
        Path report = reportsDir.resolve(facts.incidentId() + ".md");
        try {
            Files.createDirectories(reportsDir);
            Files.writeString(reportsDir.resolve(facts.incidentId() + ".facts.json"), factsJson, StandardCharsets.UTF_8);
            Files.writeString(report, ReportRenderer.render(facts, analysis), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + facts.incidentId(), e);
        }
        return new IncidentReport(facts.incidentId(), facts.service(), facts.start(), facts.end(), facts.severity(),
                facts.status(), factsJson, analysis.domain(), analysis.cause(), analysis.analyst(), report.toString());
    }
}
