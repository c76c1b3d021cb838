package dev.vigie.parse;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns raw records into {@link LogEvent}s: JSON lines, access logs, then timestamped plain lines.
 * A record none of them reads is kept as a plain event whose time is borrowed from the previous
 * event of its source (or the clock, when it is the first), and flagged so.
 */
public final class LogParser {
    private final JsonLineParser json = new JsonLineParser();
    private final AccessLogParser access = new AccessLogParser();
    private final PlainLineParser plain = new PlainLineParser();
    private final Map<String, Instant> lastTime = new HashMap<>();
    private final Clock clock;
    private long rejected;

    public LogParser(Clock clock) {
        this.clock = clock;
    }

    /** @return the event, or null when the record holds nothing usable (blank, binary garbage) */
    public LogEvent parse(RawRecord record) {
        String text = record.text();
        if (text.isBlank()) {
            return null;
        }
        if (isGarbage(text)) {
            rejected++;
            return null;
        }
        String head = firstLine(text);
        Parsed p = null;
        if (head.startsWith("{")) {
            p = json.parse(head);
        }
        if (p == null) {
            p = access.parse(head);
        }
        if (p == null) {
            p = plain.parse(head);
        }
        String source = record.source();
        boolean inferred = p == null || p.time() == null;
        Instant time = inferred ? lastTime.getOrDefault(source, clock.instant()) : p.time();
        lastTime.put(source, time);

        Map<String, String> fields = p == null ? new LinkedHashMap<>() : new LinkedHashMap<>(p.fields());
        Level level = p == null || p.level() == null ? Level.INFO : p.level();
        String message = p == null ? head : p.message();
        if (record.has(RawRecord.TRUNCATED)) {
            fields.put("truncated", "true");
        }
        if (record.has(RawRecord.INVALID_UTF8)) {
            fields.put("invalid_utf8", "true");
        }
        String service = p != null && p.service() != null && !p.service().isBlank()
                ? p.service() : ServiceNames.fromSource(source);
        return new LogEvent(time, source, service, level, message, fields, text, inferred, null);
    }

    /** The event time written in one line, or null when it holds none (e.g. a stack frame). */
    public Instant timeOf(String line) {
        if (line.isBlank()) {
            return null;
        }
        Parsed p = line.startsWith("{") ? json.parse(line) : null;
        if (p == null) {
            p = access.parse(line);
        }
        if (p == null) {
            p = plain.parse(line);
        }
        return p == null ? null : p.time();
    }

    /** Records that could not be read as text at all. */
    public long rejected() {
        return rejected;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** Mostly control characters or replacement characters: not a log line. */
    private static boolean isGarbage(String text) {
        int bad = 0;
        int n = Math.min(text.length(), 4096);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n')) {
                bad++;
            }
        }
        return bad * 10 > n * 3;
    }
}
