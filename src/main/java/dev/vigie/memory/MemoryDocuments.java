package dev.vigie.memory;

import dev.vigie.event.Feedback;
import dev.vigie.event.StoredIncident;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.privacy.Redactor;
import dev.vigie.template.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the memory keeps of an incident or a template, read from SQLite and redacted before it is
 * embedded or leaves the process. An incident's text leads with what says most of its kind
 * (service, domain, cause, first signal), then its signals and log templates, then the plan: the
 * embedding model reads about 256 word pieces.
 */
final class MemoryDocuments {
    private static final int SIGNALS = 5;
    private static final int TEMPLATES = 5;

    private final MemorySource store;
    private final Redactor redactor;

    MemoryDocuments(MemorySource store, Redactor redactor) {
        this.store = store;
        this.redactor = redactor;
    }

    Optional<MemoryRecord> incident(String id) {
        return store.incident(id).map(i -> incident(i, store.facts(id).map(MemoryDocuments::facts).orElse(null),
                store.plan(id), store.feedback(id)));
    }

    Optional<MemoryRecord> template(String id) {
        return store.template(id).map(this::template);
    }

    MemoryRecord incident(StoredIncident i, FactsReport facts, List<String> plan, List<Feedback> feedback) {
        StringBuilder text = new StringBuilder();
        text.append(i.service()).append(" incident, ").append(i.severity());
        if (i.domain() != null) {
            text.append(", ").append(i.domain());
        }
        if (i.cause() != null) {
            text.append(": ").append(i.cause());
        }
        text.append('\n');
        if (facts != null) {
            if (facts.firstSignal() != null) {
                text.append("first signal: ").append(facts.firstSignal()).append('\n');
            }
            facts.anomalies().stream().limit(SIGNALS).forEach(a -> text.append("signal: ").append(a.text()).append('\n'));
            facts.templates().stream().sorted(Comparator.comparingLong(FactsReport.TemplateFact::during).reversed()
                    .thenComparing(FactsReport.TemplateFact::templateId)).limit(TEMPLATES)
                    .forEach(t -> text.append("log: ").append(t.template()).append('\n'));
        }
        for (int k = 0; k < plan.size(); k++) {
            text.append("P").append(k + 1).append(": ").append(plan.get(k)).append('\n');
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("severity", i.severity().name());
        fields.put("status", i.status().name());
        fields.put("start", i.start().toString());
        fields.put("end", i.end().toString());
        fields.put("cause", i.cause() == null ? "" : i.cause());
        fields.put("plan", String.join("\n", plan));
        fields.put("affected", String.join(",", i.affected()));
        // what people said of each action, the last word on each
        Map<String, Boolean> said = new TreeMap<>();
        feedback.stream().filter(f -> !f.action().isEmpty()).forEach(f -> said.put(f.action(), f.useful()));
        fields.put("helped", String.join(",", said.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList()));
        fields.put("not_helped", String.join(",", said.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList()));
        return new MemoryRecord(MemoryRecord.idOf(MemoryRecord.Kind.INCIDENT, i.id()), MemoryRecord.Kind.INCIDENT,
                redactor.redact(text.toString().strip()), i.service(), i.domain(), i.start().toEpochMilli(), redacted(fields));
    }

    MemoryRecord template(Template t) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("template", t.text());
        fields.put("example", t.example() == null ? "" : t.example());
        fields.put("count", Long.toString(t.count()));
        fields.put("first_seen", t.firstSeen().toString());
        fields.put("last_seen", t.lastSeen().toString());
        String text = t.text() + (t.example() == null ? "" : "\nexample: " + t.example());
        return new MemoryRecord(MemoryRecord.idOf(MemoryRecord.Kind.TEMPLATE, t.id()), MemoryRecord.Kind.TEMPLATE,
                redactor.redact(text), "", "", t.firstSeen().toEpochMilli(), redacted(fields));
    }

    private Map<String, String> redacted(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, redactor.redact(v)));
        return out;
    }

    private static FactsReport facts(String json) {
        try {
            return FactsJson.read(json);
        } catch (RuntimeException e) {
            return null; // facts of an older form: the incident is remembered by its row alone
        }
    }

    /** Every incident and template stored, for a rebuild. */
    List<String> allIncidentIds() {
        List<String> out = new ArrayList<>();
        store.incidents().forEach(i -> out.add(i.id()));
        return out;
    }
}
