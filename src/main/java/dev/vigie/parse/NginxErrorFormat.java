package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** nginx's error log: {@code 2025/03/14 14:30:01 [error] 1234#1234: *5 connect() failed … client: …, upstream: "…"}. */
final class NginxErrorFormat implements LogFormat {
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) \\[(\\w+)\\] (\\d+)#(\\d+): (?:\\*(\\d+) )?(.*)$", Pattern.DOTALL);
    private static final Pattern CONTEXT = Pattern.compile(", (client|server|request|upstream|host|referrer): \"?([^\",]*)\"?");

    @Override
    public String name() {
        return "nginx-error";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Timestamps.Found t = Timestamps.atStart(m.group(1), reference);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pid", m.group(3));
        fields.put("tid", m.group(4));
        if (m.group(5) != null) {
            fields.put("connection", m.group(5));
        }
        String message = m.group(6);
        Matcher c = CONTEXT.matcher(message);
        int cut = -1;
        while (c.find()) {
            fields.put(c.group(1), c.group(2));
            cut = cut < 0 ? c.start() : cut;
        }
        return new Parsed(t == null ? null : t.instant(), level(m.group(2)), "nginx",
                cut > 0 ? message.substring(0, cut) : message, fields);
    }

    /** debug, info, notice, warn, error, crit, alert, emerg (and Apache's trace1…8). */
    static Level level(String name) {
        Level l = Level.fromToken(name);
        return l != null ? l : name.startsWith("trace") ? Level.TRACE : Level.INFO;
    }
}
