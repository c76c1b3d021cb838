package dev.vigie.chat;

import dev.vigie.event.StoredEvent;
import dev.vigie.event.StoredIncident;
import dev.vigie.memory.Memory;
import dev.vigie.memory.MemoryHit;
import dev.vigie.memory.MemoryQuery;
import dev.vigie.memory.MemoryRecord;
import dev.vigie.event.SimilarIncident;
import dev.vigie.store.IncidentGroup;
import dev.vigie.store.Store;
import dev.vigie.store.TemplateCount;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers given without a model: read from the store and the memory, in the question's
 * language, as a sentence, a small table and the ids they rest on. Nothing is invented: what was
 * not found is said so.
 */
final class OfflineAnswers {
    /** A memory hit that shares no word with the question must be at least this close in meaning to count. */
    static final double SIMILAR_ENOUGH = 0.5;
    private static final int ROWS = 5;
    /** Domains × services: a handful in practice; more are cut. */
    private static final int GROUPS = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Store store;
    /** Null where there is no memory: similar things are then looked for by words in the stored lines. */
    private final Memory memory;
    private final ZoneId zone;
    /** What the last answer was about, for a question that follows it ("have we seen this error before?"). */
    private String about = "";

    OfflineAnswers(Store store, Memory memory, ZoneId zone) {
        this.store = store;
        this.memory = memory;
        this.zone = zone;
    }

    String help(Language l) {
        return l.pick("Ask about incidents and logs: “what failed at 08:20?”, “which problems keep coming back?”, "
                        + "“have we seen HikariPool before, and what fixed it?”, “show errors like connection refused”.",
                "Posez une question sur les incidents et les journaux : « qu'est-ce qui a planté à 8h20 ? », "
                        + "« quels problèmes reviennent ? », « a-t-on déjà vu HikariPool ? », « montre les erreurs similaires à connection refused ».");
    }

    String atTime(RoutedQuestion q) {
        Language l = q.language();
        TimeRange r = q.time().orElseThrow();
        List<StoredIncident> incidents = store.incidents(r.from(), r.to());
        List<TemplateCount> counts = store.problemCounts(r.from(), r.to(), ROWS);
        if (incidents.isEmpty() && counts.isEmpty()) {
            return l.pick("I found nothing " + r.describe(l) + ": no incident, no warning or error.",
                    "Je n'ai rien trouvé " + r.describe(l) + " : aucun incident, aucun avertissement ni erreur.") + newest(l);
        }
        StringBuilder b = new StringBuilder(capitalised(r.describe(l))).append(l.pick(": ", " : "))
                .append(count(incidents.size(), l.pick("incident", "incident"), l.pick("incidents", "incidents"))).append(".\n");
        incidents.forEach(i -> b.append(incidentLine(i, l)));
        if (!counts.isEmpty()) {
            about = words(counts.get(0).template());
            b.append(l.pick("\nWarnings and errors then:\n\n", "\nAvertissements et erreurs à ce moment :\n\n"));
            table(b, counts, l);
            b.append('\n');
            List<StoredEvent> first = store.problems(r.from(), r.to(), 1);
            if (!first.isEmpty()) {
                StoredEvent e = first.get(0);
                b.append(l.pick("The first: ", "La première : ")).append("[L-").append(e.id()).append("] ")
                        .append(when(e.time())).append(' ').append(e.service()).append(' ').append(e.level()).append(' ')
                        .append(quoted(e.message(), 160)).append('\n');
            }
        }
        return b.toString();
    }

    String recurring(RoutedQuestion q) {
        Language l = q.language();
        TimeRange r = q.time().orElse(null);
        Instant from = r == null ? Instant.EPOCH : r.from();
        Instant to = r == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : r.to();
        List<IncidentGroup> groups = store.incidentGroups(from, to, GROUPS);
        List<TemplateCount> counts = store.problemCounts(from, to, ROWS);
        String span = r == null ? "" : " " + r.describe(l);
        if (groups.isEmpty() && counts.isEmpty()) {
            return l.pick("I found nothing that keeps happening" + span + ": no incident, no warning or error stored.",
                    "Je n'ai rien trouvé qui revienne" + span + " : aucun incident, aucun avertissement ni erreur enregistré.");
        }
        StringBuilder b = new StringBuilder();
        if (!groups.isEmpty()) {
            long total = groups.stream().mapToLong(IncidentGroup::count).sum();
            b.append(groups.stream().noneMatch(g -> g.count() > 1)
                    ? l.pick("No incident came back" + span + ": each of the " + total + " happened once.\n",
                            "Aucun incident n'est revenu" + span + " : chacun des " + total + " n'est arrivé qu'une fois.\n")
                    : l.pick("Incidents that came back" + span + ", by domain and service:\n",
                            "Incidents revenus" + span + ", par domaine et service :\n"));
            for (IncidentGroup g : groups) {
                b.append("- ").append(g.domain() == null ? l.pick("not analysed", "non analysé") : g.domain()).append(" / ")
                        .append(g.service()).append(": ").append(g.count()).append(" (")
                        .append(String.join(", ", g.newest().stream().map(id -> "[" + id + "]").toList()))
                        .append(g.count() > g.newest().size() ? l.pick(", the newest", ", les plus récents") : "").append(")\n");
            }
        }
        if (!counts.isEmpty()) {
            b.append(b.length() == 0 ? "" : "\n").append(l.pick("Most frequent warnings and errors" + span + ":\n\n",
                    "Avertissements et erreurs les plus fréquents" + span + " :\n\n"));
            table(b, counts, l);
        }
        return b.toString();
    }

    String similar(RoutedQuestion q) {
        Language l = q.language();
        String subject = q.subject();
        if (subject.isBlank()) {
            return l.pick("Tell me what to look for: “have we seen HikariPool before?”, or paste a log line.",
                    "Dites-moi quoi chercher : « a-t-on déjà vu HikariPool ? », ou collez une ligne de journal.");
        }
        about = subject;
        StringBuilder b = new StringBuilder();
        if (memory != null) {
            // one embedding of the subject for both searches
            MemoryQuery like = memory.size() == 0 ? MemoryQuery.of(subject, null, ROWS) : memory.embedded(MemoryQuery.of(subject, null, ROWS));
            List<SimilarIncident> incidents = memory.similarIncidents(like, null).stream().filter(this::closeEnough).toList();
            if (!incidents.isEmpty()) {
                b.append(l.pick("Yes: “" + subject + "” was seen in " + count(incidents.size(), "incident", "incidents") + ":\n",
                        "Oui : « " + subject + " » a été vu dans " + count(incidents.size(), "incident", "incidents") + " :\n"));
                incidents.forEach(i -> b.append(similarLine(i, l)));
            }
            List<MemoryHit> templates = memory.search(like.kinds(MemoryRecord.Kind.TEMPLATE)).stream()
                    .filter(h -> h.byWords() || h.similarity() >= SIMILAR_ENOUGH).toList();
            if (!templates.isEmpty()) {
                b.append(l.pick("Log templates like it:\n", "Modèles de lignes semblables :\n"));
                templates.forEach(h -> b.append("- [T-").append(shortId(h.record().ref())).append("] ")
                        .append(h.record().field("count")).append(l.pick(" lines: ", " lignes : "))
                        .append(quoted(h.record().field("template"), 120)).append('\n'));
            }
        }
        List<StoredEvent> lines = store.events(subject, 200);
        if (!lines.isEmpty()) {
            Instant first = lines.stream().map(StoredEvent::time).min(Instant::compareTo).orElseThrow();
            Instant last = lines.stream().map(StoredEvent::time).max(Instant::compareTo).orElseThrow();
            String n = (lines.size() == 200 ? l.pick("at least ", "au moins ") : "") + lines.size();
            b.append(l.pick(n + " stored lines hold “" + subject + "”, from " + when(first) + " to " + when(last) + " (" + zone.getId() + "), e.g. ",
                    n + " lignes enregistrées contiennent « " + subject + " », du " + when(first) + " au " + when(last) + " (" + zone.getId() + "), par exemple "))
                    .append("[L-").append(lines.get(0).id()).append("] ").append(quoted(lines.get(0).message(), 160)).append('\n');
        }
        if (b.length() == 0) {
            return l.pick("I found nothing like “" + subject + "”: no incident, template or stored line.",
                    "Je n'ai rien trouvé de semblable à « " + subject + " » : aucun incident, modèle ni ligne enregistrée.");
        }
        return b.toString();
    }

    String incident(RoutedQuestion q) {
        Language l = q.language();
        Optional<StoredIncident> found = store.incident(q.incident());
        if (found.isEmpty()) {
            return l.pick("I found no incident " + q.incident() + ".", "Je n'ai trouvé aucun incident " + q.incident() + ".");
        }
        StoredIncident i = found.get();
        about = i.cause() == null ? "" : i.cause();
        StringBuilder b = new StringBuilder(incidentLine(i, l).substring(2));
        List<String> plan = store.plan(i.id());
        if (!plan.isEmpty()) {
            b.append(l.pick("Plan:\n", "Plan :\n"));
            for (int k = 0; k < plan.size(); k++) {
                b.append("- P").append(k + 1).append(": ").append(plan.get(k)).append('\n');
            }
        }
        if (i.reportPath() != null) {
            b.append(l.pick("Report: ", "Rapport : ")).append(i.reportPath()).append('\n');
        }
        return b.toString();
    }

    String anything(RoutedQuestion q) {
        Language l = q.language();
        List<MemoryHit> hits = memory == null ? List.of()
                : memory.search(MemoryQuery.of(q.question(), null, ROWS)).stream().filter(h -> h.byWords() && h.similarity() >= 0.3
                        || h.similarity() >= SIMILAR_ENOUGH).toList();
        if (hits.isEmpty()) {
            return l.pick("I found nothing for “" + q.question() + "”. " + help(l), "Je n'ai rien trouvé pour « " + q.question() + " ». " + help(l));
        }
        StringBuilder b = new StringBuilder(l.pick("What I found for “" + q.question() + "”:\n", "Ce que j'ai trouvé pour « " + q.question() + " » :\n"));
        for (MemoryHit h : hits) {
            MemoryRecord r = h.record();
            if (r.kind() == MemoryRecord.Kind.INCIDENT) {
                b.append("- [").append(r.ref()).append("] ").append(r.service()).append(", ").append(r.domain()).append(": ")
                        .append(r.field("cause")).append('\n');
            } else {
                b.append("- [T-").append(shortId(r.ref())).append("] ").append(quoted(r.field("template"), 120)).append('\n');
            }
        }
        return b.toString();
    }

    String about() {
        return about;
    }

    /** A template as words to look for: without its placeholders. */
    private static String words(String template) {
        return template == null ? "" : template.replace("<*>", " ").replaceAll("\\s+", " ").strip();
    }

    private boolean closeEnough(SimilarIncident i) {
        return i.byWords() || i.similarity() >= SIMILAR_ENOUGH;
    }

    private String incidentLine(StoredIncident i, Language l) {
        return "- [" + i.id() + "] " + i.service() + (i.affected().isEmpty() ? "" : l.pick(" (also ", " (aussi ") + String.join(", ", i.affected()) + ")")
                + ", " + i.severity() + (i.domain() == null ? "" : ", " + i.domain()) + ", " + when(i.start()) + "–" + CLOCK.format(i.end().atZone(zone))
                + " (" + zone.getId() + ")" + (i.cause() == null ? "" : ": " + i.cause()) + "\n";
    }

    private String similarLine(SimilarIncident i, Language l) {
        StringBuilder b = new StringBuilder("- [" + i.id() + "] " + i.service() + ", " + i.domain() + ", "
                + (i.start().isEmpty() ? "" : when(Instant.parse(i.start())) + " (" + zone.getId() + ")") + ": " + i.cause() + "\n");
        for (int k = 0; k < i.plan().size(); k++) {
            String id = "P" + (k + 1);
            String said = i.helped().contains(id) ? l.pick(" (helped)", " (a aidé)") : i.notHelped().contains(id) ? l.pick(" (did not help)", " (n'a pas aidé)") : "";
            b.append("  ").append(id).append(": ").append(i.plan().get(k)).append(said).append('\n');
        }
        return b.toString();
    }

    private void table(StringBuilder b, List<TemplateCount> counts, Language l) {
        b.append(l.pick("| count | service | what | first – last |\n", "| nombre | service | quoi | première – dernière |\n"))
                .append("|---:|---|---|---|\n");
        for (TemplateCount c : counts) {
            b.append("| ").append(c.count()).append(" | ").append(c.service()).append(" | ")
                    .append(c.templateId() == null ? "" : "[T-" + shortId(c.templateId()) + "] ")
                    .append(quoted(c.template(), 90).replace("|", "\\|")).append(" | ")
                    .append(when(c.first())).append(" – ").append(CLOCK.format(c.last().atZone(zone))).append(" |\n");
        }
    }

    private String newest(Language l) {
        return store.newestEventTime().map(t -> l.pick(" The newest event stored is from ", " L'événement le plus récent date du ")
                + when(t) + " (" + zone.getId() + ").").orElse(l.pick(" No event is stored yet.", " Aucun événement n'est encore enregistré."));
    }

    private String when(Instant t) {
        return WHEN.format(t.atZone(zone));
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A log line or template as code: its {@code <*>}, {@code _} and {@code *} are not Markdown. */
    private static String quoted(String s, int max) {
        return "`" + shortened(s, max).replace('`', '\'') + "`";
    }

    private static String shortened(String s, int max) {
        String one = s == null ? "" : s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
