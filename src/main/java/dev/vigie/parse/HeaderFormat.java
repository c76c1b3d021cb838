package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header format given in Loghub's notation, e.g. {@code <Date> <Time> <Level> <Component>: <Content>}:
 * {@code <Field>} is a named field matched lazily, a run of spaces matches any whitespace, the rest
 * is literal regex (so {@code \[} is a bracket), and the line is matched whole. {@code Content} is
 * the message; {@code Level}, {@code Component} and the time fields are read when present.
 */
final class HeaderFormat implements LogFormat {
    private static final Pattern FIELD = Pattern.compile("<([A-Za-z][A-Za-z0-9_]*)>");
    private static final List<List<String>> TIME_FIELDS = List.of(
            List.of("Timestamp"), List.of("Date", "Day", "Time"), List.of("Date", "Time"), List.of("Month", "Date", "Time"), List.of("Day", "Time"),
            List.of("Time"), List.of("Date"));

    private final String spec;
    private final Pattern pattern;
    private final List<String> names = new ArrayList<>();

    HeaderFormat(String spec) {
        this.spec = spec;
        StringBuilder regex = new StringBuilder("^");
        Matcher m = FIELD.matcher(spec);
        int last = 0;
        while (m.find()) {
            regex.append(literal(spec.substring(last, m.start())));
            String name = m.group(1);
            regex.append("(?<").append(name).append(">").append(name.equals("Content") ? ".*" : ".*?").append(")");
            names.add(name);
            last = m.end();
        }
        regex.append(literal(spec.substring(last))).append("$");
        if (!names.contains("Content")) {
            throw new IllegalArgumentException("a header format needs a <Content> field: " + spec);
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String literal(String s) {
        return s.replaceAll(" +", "\\\\s+");
    }

    @Override
    public String name() {
        return "header:" + spec;
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String n : names) {
            if (!n.equals("Content") && m.group(n) != null) {
                fields.put(n, m.group(n).strip());
            }
        }
        Level level = fields.containsKey("Level") ? Level.fromToken(fields.get("Level")) : null;
        if (fields.containsKey("Component")) {
            fields.put("logger", fields.get("Component"));
        }
        return new Parsed(time(fields, reference), level, null, m.group("Content"), fields);
    }

    private static Instant time(Map<String, String> fields, Instant reference) {
        for (List<String> combo : TIME_FIELDS) {
            if (combo.stream().allMatch(fields::containsKey)) {
                Instant t = Timestamps.any(String.join(" ", combo.stream().map(fields::get).toList()), reference);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
