package dev.vigie.chat;

import dev.vigie.event.Plural;
import dev.vigie.event.StoredEvent;
import dev.vigie.event.StoredIncident;
import dev.vigie.store.Store;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers questions from the stores, citing incident ids: "what failed at 14:30?", "which problems
 * keep coming back?", "have we seen this error before?" (English or French). A first router by
 * keywords; the chat issue puts the model and the vector memory behind it.
 */
public final class ChatService {
    private static final Pattern TIME = Pattern.compile("\\b([01]?\\d|2[0-3])[:h]([0-5]\\d)\\b");
    private static final Pattern RECURRING = Pattern.compile("(?i)coming back|recurr|again and again|reviennent|récurrent|recurrent|often|souvent");
    private static final Pattern SEEN = Pattern.compile("(?i)seen (this|it)|before|déjà|deja");
    private static final int WINDOW_MINUTES = 10;

    private final Store store;

    public ChatService(Store store) {
        this.store = store;
    }

    public String answer(String question) {
        String q = question.strip();
        if (q.isEmpty()) {
            return "Ask about incidents: “what failed at 08:20?”, “which problems keep coming back?”, “have we seen HikariPool before?”";
        }
        Matcher time = TIME.matcher(q);
        if (time.find()) {
            return atTime(LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2))));
        }
        if (RECURRING.matcher(q).find()) {
            return recurring();
        }
        if (SEEN.matcher(q).find()) {
            return seenBefore(q);
        }
        return summary();
    }

    private String atTime(LocalTime time) {
        List<StoredIncident> all = store.incidents();
        List<StoredIncident> hits = all.stream().filter(i -> {
            LocalTime start = i.start().atZone(ZoneOffset.UTC).toLocalTime().minusMinutes(WINDOW_MINUTES);
            LocalTime end = i.end().atZone(ZoneOffset.UTC).toLocalTime().plusMinutes(WINDOW_MINUTES);
            return !time.isBefore(start) && !time.isAfter(end);
        }).toList();
        if (hits.isEmpty()) {
            return "No incident within " + WINDOW_MINUTES + " minutes of " + time + " UTC (" + Plural.of(all.size(), "incident")
                    + " stored).";
        }
        StringBuilder b = new StringBuilder("Around " + time + " UTC:\n");
        hits.forEach(i -> b.append(line(i)));
        return b.toString();
    }

    private String recurring() {
        Map<String, List<StoredIncident>> byKind = store.incidents().stream()
                .collect(Collectors.groupingBy(i -> i.service() + " / " + (i.domain() == null ? "not analysed" : i.domain()),
                        TreeMap::new, Collectors.toList()));
        if (byKind.isEmpty()) {
            return "No incidents stored yet.";
        }
        StringBuilder b = new StringBuilder("Incidents by service and domain, most frequent first:\n");
        byKind.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<StoredIncident>> e) -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> b.append("- ").append(e.getKey()).append(": ").append(e.getValue().size()).append(" (")
                        .append(e.getValue().stream().map(StoredIncident::id).collect(Collectors.joining(", "))).append(")\n"));
        return b.toString();
    }

    private String seenBefore(String q) {
        String words = q.replaceAll("(?i)\\b(have|has|we|you|seen|this|it|error|before|déjà|vu|ce|cette|erreur|on|a|l'a|t-on)\\b|[?!.,]", " ").strip();
        if (words.isEmpty()) {
            return "Tell me which error, e.g. “have we seen HikariPool before?”";
        }
        List<StoredEvent> events = store.events(words, 200);
        if (events.isEmpty()) {
            return "No stored log line matches “" + words + "”.";
        }
        Instant first = events.stream().map(StoredEvent::time).min(Instant::compareTo).orElseThrow();
        Instant last = events.stream().map(StoredEvent::time).max(Instant::compareTo).orElseThrow();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Yes: %s%d lines match “%s”, from %s to %s.%n",
                events.size() == 200 ? "at least " : "", events.size(), words, first, last));
        store.incidents().stream()
                .filter(i -> events.stream().anyMatch(e -> (e.service().equals(i.service()) || i.affected().contains(e.service()))
                        && !e.time().isBefore(i.start()) && !e.time().isAfter(i.end())))
                .forEach(i -> b.append(line(i)));
        return b.toString();
    }

    private String summary() {
        List<StoredIncident> all = store.incidents();
        if (all.isEmpty()) {
            return "No incidents stored yet.";
        }
        StringBuilder b = new StringBuilder(Plural.of(all.size(), "incident") + " stored; the latest:\n");
        all.subList(Math.max(0, all.size() - 5), all.size()).forEach(i -> b.append(line(i)));
        return b.toString();
    }

    private static String line(StoredIncident i) {
        return "- [" + i.id() + "] " + i.service() + (i.affected().isEmpty() ? "" : " (also " + String.join(", ", i.affected()) + ")")
                + " " + i.start() + " → " + i.end() + " " + i.severity()
                + (i.cause() == null ? "" : ": " + i.cause()) + "\n";
    }
}
