package dev.vigie.chat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer, with the ids it cites ({@code INC-…} incidents, {@code T-…} templates, {@code L-…} log
 * lines), the route that answered and the question's language ({@code en} or {@code fr}).
 */
public record ChatAnswer(String answer, List<String> citations, String route, String language) {
    private static final Pattern CITATION = Pattern.compile("\\[((?:INC|T|L)-[0-9A-Za-z]+)\\]");

    public ChatAnswer {
        citations = List.copyOf(citations);
    }

    static ChatAnswer of(String text, Route route, Language language) {
        LinkedHashSet<String> cited = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            cited.add(m.group(1));
        }
        return new ChatAnswer(text.strip(), List.copyOf(cited), route.name().toLowerCase(java.util.Locale.ROOT),
                language.name().toLowerCase(java.util.Locale.ROOT));
    }
}
