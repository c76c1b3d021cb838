package dev.vigie.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.event.SimilarIncident;
import dev.vigie.privacy.Redactor;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only tools the stages may call, over one incident's facts (already redacted). They
 * return data as JSON; they can change nothing, and an unknown tool or bad arguments get an error
 * the model can read, never an exception.
 */
final class TeamTools {
    static final List<ToolSpecification> SPECIFICATIONS = List.of(
            ToolSpecification.builder().name("get_facts").description("The incident's facts report, as JSON.")
                    .parameters(JsonObjectSchema.builder().build()).build(),
            ToolSpecification.builder().name("get_lines")
                    .description("Sample log lines of the incident that contain a template's text or a word, at most 20.")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("template", "a template's id or part of its text")
                            .addStringProperty("window", "'before', 'during' or 'all' (default)")
                            .required("template").build()).build(),
            ToolSpecification.builder().name("get_metric")
                    .description("A metric series around the incident: baseline, extremes during it, points.")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("series", "service/metric, e.g. api/latency_ms_p95")
                            .addStringProperty("window", "'before', 'during' or 'all' (default)")
                            .required("series").build()).build(),
            ToolSpecification.builder().name("similar_incidents")
                    .description("Past incidents that resemble a text (default: this incident), most similar first, each with "
                            + "its cause and its plan; steps people said helped come first, those that did not are marked.")
                    .parameters(JsonObjectSchema.builder().addStringProperty("text", "what to look for").build())
                    .build());
    static final int SIMILAR = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINES = 20;

    private final FactsReport facts;
    private final Redactor redactor;
    private final PastIncidents past;

    TeamTools(FactsReport facts, Redactor redactor, PastIncidents past) {
        this.facts = facts;
        this.redactor = redactor;
        this.past = past;
    }

    String execute(String name, String arguments) {
        JsonNode args;
        try {
            args = JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
        } catch (IOException e) {
            return error("arguments are not JSON: " + e.getMessage());
        }
        String out = switch (name) {
            case "get_facts" -> FactsJson.write(facts);
            case "get_lines" -> lines(args.path("template").asText(""), args.path("window").asText("all"));
            case "get_metric" -> metric(args.path("series").asText(""), args.path("window").asText("all"));
            case "similar_incidents" -> similar(args.path("text").asText(""));
            default -> error("no tool named '" + name + "'; tools: get_facts, get_lines, get_metric, similar_incidents");
        };
        return redactor.redact(out); // the facts are redacted already: this guards the tools' own output
    }

    private String lines(String template, String window) {
        if (template.isBlank()) {
            return error("get_lines needs a template");
        }
        if (window.equals("before")) {
            // the facts keep sample lines from the incident itself; how often each template came before is in "templates"
            return write(Map.of("template", template, "lines", List.of(),
                    "note", "no sample lines before the incident; see the templates' 'before' counts"));
        }
        String needle = facts.templates().stream().filter(t -> t.templateId().equals(template)).map(FactsReport.TemplateFact::template)
                .findFirst().orElse(template).replace("<*>", "").strip().toLowerCase(Locale.ROOT);
        String[] words = needle.split("\\s+");
        List<String> found = facts.sampleLines().stream()
                .filter(l -> {
                    String lower = l.toLowerCase(Locale.ROOT);
                    for (String w : words) {
                        if (!lower.contains(w)) {
                            return false;
                        }
                    }
                    return true;
                }).limit(MAX_LINES).toList();
        return write(Map.of("template", template, "lines", found));
    }

    private String metric(String series, String window) {
        return facts.metrics().stream().filter(m -> m.series().equals(series)).findFirst()
                .map(m -> window.equals("all") ? m : new FactsReport.MetricFact(m.series(), m.baseline(), m.minDuring(),
                        m.maxDuring(), m.points().stream().filter(p -> window.equals("before") == p.time().isBefore(facts.start()))
                        .toList()))
                .map(TeamTools::write)
                .orElse(error("no series '" + series + "' in the facts; series: "
                        + facts.metrics().stream().map(FactsReport.MetricFact::series).toList()));
    }

    private String similar(String text) {
        String about = text.isBlank() ? facts.likeness() : text;
        List<SimilarIncident> found;
        try {
            found = past.like(redactor.redact(about), facts.incidentId(), SIMILAR);
        } catch (RuntimeException e) {
            return error("the incident memory cannot be read: " + e.getMessage());
        }
        List<Map<String, Object>> incidents = found.stream().map(TeamTools::similar).toList();
        return write(incidents.isEmpty() ? Map.of("incidents", incidents, "note", "no similar incident remembered")
                : Map.of("incidents", incidents));
    }

    /** A past incident as the tool tells it: steps that helped first, those that did not last and marked. */
    static Map<String, Object> similar(SimilarIncident s) {
        List<Map<String, String>> steps = new java.util.ArrayList<>();
        for (int k = 0; k < s.plan().size(); k++) {
            String id = "P" + (k + 1);
            String said = s.helped().contains(id) ? "helped" : s.notHelped().contains(id) ? "did not help" : "";
            steps.add(Map.of("step", id, "text", s.plan().get(k), "feedback", said));
        }
        steps.sort(java.util.Comparator.comparingInt(m -> switch (m.get("feedback")) {
            case "helped" -> 0;
            case "did not help" -> 2;
            default -> 1;
        }));
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", s.id());
        m.put("service", s.service());
        m.put("domain", s.domain());
        m.put("cause", s.cause());
        m.put("start", s.start());
        m.put("similarity", Math.round(s.similarity() * 100) / 100.0);
        m.put("plan", steps);
        return m;
    }

    private static String error(String message) {
        return write(Map.of("error", message));
    }

    private static String write(Object o) {
        return FactsJson.writePart(o);
    }
}
