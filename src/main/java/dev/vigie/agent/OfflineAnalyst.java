package dev.vigie.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.incident.FactsReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fills the analyst's role without a model: each playbook's signature is matched against the
 * facts' templates (weighted by how often they occurred during the incident), sample lines and
 * anomaly texts; the playbook with the most evidence wins. Deterministic.
 */
public final class OfflineAnalyst {
    private final List<Playbook> playbooks;

    public OfflineAnalyst() {
        this.playbooks = load();
    }

    public Analysis analyse(FactsReport facts, String note) {
        Playbook best = null;
        long bestScore = 0;
        for (Playbook p : playbooks) {
            long score = score(p.signature(), facts);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        if (best == null) {
            return new Analysis(Domain.APPLICATION.label(),
                    "No known signature matches; the first abnormal signal was: " + facts.firstSignal(),
                    List.of("Read the sample lines and the first signal below", "Check recent deploys and configuration changes of " + facts.service()),
                    List.of("Compare the templates during the incident with the hour before"),
                    "offline:none", note);
        }
        return new Analysis(best.domain().label(), best.cause(), best.steps(), best.checks(), "offline:" + best.id(), note);
    }

    static long score(Pattern signature, FactsReport facts) {
        long score = 0;
        for (FactsReport.TemplateFact t : facts.templates()) {
            if (signature.matcher(t.template()).find()) {
                score += t.during();
            }
        }
        for (String line : facts.sampleLines()) {
            score += signature.matcher(line).find() ? 1 : 0;
        }
        for (FactsReport.AnomalyFact a : facts.anomalies()) {
            score += signature.matcher(a.text()).find() ? 1 : 0;
        }
        return score;
    }

    private static List<Playbook> load() {
        try (InputStream in = OfflineAnalyst.class.getResourceAsStream("playbooks.json")) {
            if (in == null) {
                throw new IllegalStateException("playbooks.json missing from the classpath");
            }
            List<Playbook> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                out.add(new Playbook(n.get("id").asText(), Domain.valueOf(n.get("domain").asText()),
                        Pattern.compile(n.get("signature").asText()), n.get("cause").asText(),
                        strings(n.get("steps")), strings(n.get("checks"))));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
