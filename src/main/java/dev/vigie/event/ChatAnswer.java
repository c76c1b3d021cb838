package dev.vigie.event;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer, with the ids it cites ({@code INC-…} incidents, {@code T-…} templates, {@code L-…} log
 * lines), the route that answered and the question's language ({@code en} or {@code fr}).
 *
 * @param by   {@code model} or {@code offline}
 * @param note why a model's answer was set aside for the offline one; empty when none was
 */
public record ChatAnswer(String answer, List<String> citations, String route, String language, String by, String note) {
    /** How an answer cites what it rests on: {@code [INC-…]}, {@code [T-…]} (a template's first characters), {@code [L-…]}. */
    public static final Pattern CITATION = Pattern.compile("\\[((?:INC|T|L)-[0-9A-Za-z]+)\\]");

    public ChatAnswer {
        citations = List.copyOf(citations);
    }

    /** An answer given without a model: its text and the ids it cites, in order. */
    public static ChatAnswer offline(String text, String route, String language) {
        return new ChatAnswer(text.strip(), citationsIn(text), route, language, "offline", "");
    }

    /** The ids a text cites, each once, in order. */
    public static List<String> citationsIn(String text) {
        LinkedHashSet<String> cited = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            cited.add(m.group(1));
        }
        return List.copyOf(cited);
    }

    public ChatAnswer byModel() {
        return new ChatAnswer(answer, citations, route, language, "model", "");
    }

    public ChatAnswer noting(String why) {
        return new ChatAnswer(answer, citations, route, language, by, why);
    }
}
