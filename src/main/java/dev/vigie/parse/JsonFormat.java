package dev.vigie.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.event.Level;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON lines, whatever the field names of the common loggers: Logback/Logstash encoder, Log4j2
 * JSON layout, Bunyan/Pino, Zap, Serilog compact, Python json loggers, cloudflared's JSON output.
 */
final class JsonFormat implements LogFormat {
    private static final List<String> TIME = List.of("@timestamp", "timestamp", "time", "ts", "@t", "date", "datetime",
            "asctime", "instant.epochSecond", "timeMillis");
    private static final List<String> LEVEL = List.of("level", "severity", "lvl", "levelname", "log.level", "@l", "loglevel");
    private static final List<String> MESSAGE = List.of("message", "msg", "@m", "@mt", "text", "log");
    private static final List<String> SERVICE = List.of("service", "service.name", "app", "application", "serviceName");
    private static final List<String> LOGGER = List.of("logger", "logger_name", "loggerName", "name", "caller");
    private static final List<String> EXCEPTION = List.of("exception", "stack_trace", "stacktrace", "error.stack", "@x",
            "exc_info", "thrown.extendedStackTrace", "thrown.message", "err.stack");

    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = json.getFactory();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            return null;
        }
        Map<String, String> all = new LinkedHashMap<>();
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            flatten("", p, all);
            if (p.nextToken() != null) {
                return null; // trailing content: not one JSON object
            }
        } catch (IOException | RuntimeException e) {
            return partial(line, reference); // cut, too deep, or malformed
        }
        String timeKey = first(all, TIME);
        String levelKey = first(all, LEVEL);
        String messageKey = first(all, MESSAGE);
        String serviceKey = first(all, SERVICE);
        String loggerKey = first(all, LOGGER);
        String exceptionKey = first(all, EXCEPTION);

        Instant time = timeKey == null ? null : time(all, timeKey, reference);
        Level level = levelKey == null ? (all.containsKey("@t") ? Level.INFO : null) : level(all.get(levelKey));
        String message = messageKey == null ? line : all.get(messageKey);
        Map<String, String> fields = new LinkedHashMap<>(all);
        for (String used : new String[] {timeKey, levelKey, messageKey, serviceKey}) {
            if (used != null) {
                fields.remove(used);
            }
        }
        if (loggerKey != null && !loggerKey.equals("logger")) {
            fields.put("logger", fields.remove(loggerKey));
        }
        if (exceptionKey != null && !exceptionKey.equals("exception")) {
            fields.put("exception", fields.remove(exceptionKey));
        }
        return new Parsed(time, level, serviceKey == null ? null : all.get(serviceKey), message, fields);
    }

    /** How far into a line that cannot be read whole the time and level are looked for. */
    static final int SCAN_CHARS = 4096;
    private static final Pattern SCANNED_TIME = Pattern.compile(
            "\"(?:@timestamp|timestamp|time|ts|@t|date|datetime|asctime)\"\\s*:\\s*(?:\"([^\"\\\\]{1,64})\"|(\\d{9,19}(?:\\.\\d{1,9})?))");
    private static final Pattern SCANNED_LEVEL = Pattern.compile(
            "\"(?:level|severity|lvl|levelname|@l|loglevel)\"\\s*:\\s*\"([A-Za-z]{1,12})\"");

    /**
     * A JSON line too deep, too long or cut before its end still gives its time and level when a
     * bounded scan of its start finds them; the whole line is the message. Without a time, null:
     * another format reads the line.
     */
    private static Parsed partial(String line, Instant reference) {
        String head = line.length() > SCAN_CHARS ? line.substring(0, SCAN_CHARS) : line;
        Matcher t = SCANNED_TIME.matcher(head);
        if (!t.find()) {
            return null;
        }
        Instant time = Timestamps.any(t.group(1) != null ? t.group(1) : t.group(2), reference);
        if (time == null) {
            return null;
        }
        Matcher l = SCANNED_LEVEL.matcher(head);
        return new Parsed(time, l.find() ? level(l.group(1)) : null, null, line, new LinkedHashMap<>());
    }

    private static Instant time(Map<String, String> all, String key, Instant reference) {
        if (key.equals("instant.epochSecond")) {
            try {
                long nanos = Long.parseLong(all.getOrDefault("instant.nanoOfSecond", "0"));
                return Instant.ofEpochSecond(Long.parseLong(all.get(key)), nanos);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return null; // not a time: the event gets an inferred one
            }
        }
        return Timestamps.any(all.get(key), reference);
    }

    /** Reads the object the parser is in, nested objects as dotted keys, arrays kept as JSON text. */
    private void flatten(String prefix, JsonParser p, Map<String, String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix.isEmpty() ? p.currentName() : prefix + p.currentName();
            JsonToken t = p.nextToken();
            switch (t) {
                case START_OBJECT -> flatten(key + ".", p, out);
                case START_ARRAY -> out.put(key, json.readTree(p).toString());
                case VALUE_NULL -> { }
                // scalars as written: an epoch like 1741962601.1234567 stays exact, 1e999 stays text
                default -> out.put(key, p.getText());
            }
        }
    }

    private static String first(Map<String, String> all, List<String> keys) {
        for (String k : keys) {
            if (all.containsKey(k)) {
                return k;
            }
        }
        return null;
    }

    /** Names, or Bunyan/Pino numbers (10 trace … 60 fatal). */
    private static Level level(String raw) {
        Level named = Level.fromToken(raw);
        if (named != null) {
            return named;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            return n >= 60 ? Level.FATAL : n >= 50 ? Level.ERROR : n >= 40 ? Level.WARN
                    : n >= 30 ? Level.INFO : n >= 20 ? Level.DEBUG : Level.TRACE;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
