package dev.vigie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.agent.AgentTeam;
import dev.vigie.agent.Analysis;
import dev.vigie.agent.Diagnosis;
import dev.vigie.agent.OfflineAnalyst;
import dev.vigie.agent.OllamaGateway;
import dev.vigie.config.Settings;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.incident.FactsReport;
import dev.vigie.privacy.Redactor;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose an incident from a file of log lines: domain, cause, severity, confidence, summary and "
                + "actions. Uses Ollama when it answers, the offline analyst otherwise (or with --offline); the answer "
                + "names its analyst.",
            "With --score, measure the offline analyst on a labelled set instead (JSON lines {\"domain\":…,\"lines\":[…]})."})
public final class DiagnoseCommand implements Callable<Integer> {
    /** How many lines at most go to the model, the errors first: a small model's context is small. */
    private static final int MODEL_LINES = 40;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Log lines of the incident")
    Path file;

    @Option(names = "--offline", description = "Do not ask a model: the offline analyst answers")
    boolean offline;

    @Option(names = "--score", paramLabel = "CASES.jsonl", description = "A labelled set to measure the offline analyst on")
    Path score;

    @Mixin
    Output output;

    @Mixin
    SettingsOptions options;

    @Override
    public Integer call() throws Exception {
        if (score != null) {
            return score();
        }
        if (file == null) {
            throw new IllegalArgumentException("diagnose needs a FILE of log lines (or --score CASES.jsonl)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        Diagnosis offlineAnswer = new OfflineAnalyst().diagnose(lines);
        Map<String, Object> out = offline ? fields(offlineAnswer, "offline", null) : withModel(lines, offlineAnswer);
        output.print(out, text(out));
        return 0;
    }

    /** The model's answer when Ollama answers; the offline one, saying why, when it does not. */
    private Map<String, Object> withModel(List<String> lines, Diagnosis offlineAnswer) throws Exception {
        Settings settings = options.loadWithoutCreating();
        OllamaGateway gateway = new OllamaGateway(settings.ollamaUrl(), settings.ollamaModel());
        OllamaGateway.Health health = gateway.health();
        if (!health.up()) {
            return fields(offlineAnswer, "offline", health.error());
        }
        // the whole team, as for a live incident: stages, tools, grounding guard, retries
        Analysis a = new AgentTeam(gateway, settings.redactor(), Clock.systemUTC()).analyse(facts(lines, settings.redactor()));
        if (a.offline()) {
            return fields(offlineAnswer, "offline", a.note());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domain", a.domain());
        out.put("cause", a.cause());
        out.put("severity", offlineAnswer.severity());
        out.put("confidence", a.hypotheses().isEmpty() ? null : a.hypotheses().get(0).share()); // as the diagnosis stated it
        out.put("summary", a.narrative().isBlank() ? a.cause() : a.narrative().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .findFirst().orElse(a.cause()));
        out.put("actions", a.steps());
        out.put("analyst", health.model());
        out.put("grounding", Map.of("claims", a.claims(), "grounded", a.grounded()));
        out.put("hypotheses", a.hypotheses().stream().map(h -> Map.of("domain", h.domain(), "cause", h.cause(), "share", h.share(),
                "for", h.evidenceFor(), "against", h.evidenceAgainst())).toList());
        if (!a.note().isEmpty()) {
            out.put("note", a.note());
        }
        return out;
    }

    /** The lines as facts for the model: redacted, errors first, within a small model's reach. */
    private static FactsReport facts(List<String> lines, Redactor redactor) {
        List<String> picked = new ArrayList<>(lines);
        picked.sort((a, b) -> Boolean.compare(!a.matches("(?i).*\\b(error|fatal|crit|panic|fail\\w*|exception)\\b.*"),
                !b.matches("(?i).*\\b(error|fatal|crit|panic|fail\\w*|exception)\\b.*")));
        List<String> redacted = picked.subList(0, Math.min(MODEL_LINES, picked.size())).stream().map(redactor::redact).toList();
        Instant now = Instant.EPOCH;
        return new FactsReport("FILE", "unknown", now, now, Severity.WARNING, IncidentStatus.OPEN,
                redacted.isEmpty() ? "" : redacted.get(0), List.of(), List.of(), redacted, List.of(), lines.size() > MODEL_LINES);
    }

    private static Map<String, Object> fields(Diagnosis d, String analyst, String why) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domain", d.domain());
        out.put("cause", d.cause());
        out.put("severity", d.severity());
        out.put("confidence", d.confidence());
        out.put("summary", d.summary());
        out.put("actions", d.actions());
        out.put("analyst", analyst);
        out.put("grounding", Map.of("claims", d.claims(), "grounded", d.grounded()));
        out.put("playbook", d.playbook());
        out.put("checks", d.checks());
        out.put("first_signal", d.firstSignal());
        out.put("hypotheses", d.hypotheses().stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", h.domain());
            m.put("cause", h.cause());
            m.put("share", h.share());
            m.put("for", h.evidenceFor());
            m.put("against", h.evidenceAgainst());
            return m;
        }).toList());
        if (why != null) {
            out.put("note", "written offline: " + why);
        }
        return out;
    }

    private static String text(Map<String, Object> out) {
        StringBuilder b = new StringBuilder();
        b.append(out.get("domain")).append(" · ").append(out.get("severity")).append(" · confidence ")
                .append(out.get("confidence")).append(" · analyst ").append(out.get("analyst")).append('\n');
        b.append(out.get("summary")).append('\n').append("Cause: ").append(out.get("cause")).append('\n');
        @SuppressWarnings("unchecked")
        List<String> actions = (List<String>) out.get("actions");
        for (int i = 0; i < actions.size(); i++) {
            b.append(i + 1).append(". ").append(actions.get(i)).append('\n');
        }
        Object hypotheses = out.get("hypotheses");
        if (hypotheses instanceof List<?> list && list.size() > 1) {
            b.append("Hypotheses weighed:\n");
            for (Object o : list) {
                Map<?, ?> h = (Map<?, ?>) o;
                b.append("- ").append(h.get("domain")).append(" (").append(h.get("share")).append("): for ").append(h.get("for"))
                        .append(", against ").append(h.get("against")).append('\n');
            }
        }
        if (out.containsKey("note")) {
            b.append('(').append(out.get("note")).append(")\n");
        }
        return b.toString().stripTrailing();
    }

    private int score() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        OfflineAnalyst analyst = new OfflineAnalyst();
        int cases = 0;
        int right = 0;
        double[] confidence = new double[2]; // summed: right, wrong
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(score, StandardCharsets.UTF_8)) {
            String row;
            while ((row = in.readLine()) != null) {
                if (row.isBlank()) {
                    continue;
                }
                JsonNode c = mapper.readTree(row);
                List<String> lines = new ArrayList<>();
                c.get("lines").forEach(l -> lines.add(l.asText()));
                Diagnosis d = analyst.diagnose(lines);
                String expected = c.get("domain").asText();
                cases++;
                confusion.computeIfAbsent(expected, k -> new TreeMap<>()).merge(d.domain(), 1, Integer::sum);
                if (expected.equals(d.domain())) {
                    right++;
                    confidence[0] += d.confidence();
                } else {
                    confidence[1] += d.confidence();
                    wrong.add(c.path("id").asText("case " + cases) + ": " + expected + " → " + d.domain() + " (" + d.playbook() + ")");
                }
            }
        }
        double accuracy = cases == 0 ? 0 : (double) right / cases;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cases", cases);
        out.put("right", right);
        out.put("accuracy", accuracy);
        double rightMean = right == 0 ? 0 : confidence[0] / right;
        double wrongMean = cases == right ? 0 : confidence[1] / (cases - right);
        out.put("confidence_right_mean", Math.round(rightMean * 100) / 100.0);
        out.put("confidence_wrong_mean", Math.round(wrongMean * 100) / 100.0);
        out.put("confusion", confusion);
        out.put("wrong", wrong);
        output.print(out, String.format(Locale.ROOT, "domain right for %d of %d cases (%.1f%%); mean confidence %.2f when right, %.2f when wrong%s",
                right, cases, 100 * accuracy, rightMean, wrongMean, wrong.isEmpty() ? "" : "\n  " + String.join("\n  ", wrong)));
        return 0;
    }
}
