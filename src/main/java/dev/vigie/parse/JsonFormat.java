package dev.vigie.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.event.Level;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    // floats kept exact: an epoch like 1741962601.1234567 must not come back as 1.7419626011234567E9
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            return null;
        }
        JsonNode root;
        try {
            root = json.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        Map<String, String> all = new LinkedHashMap<>();
        flatten("", root, all);
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

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key + ".", v, out);
            } else if (!v.isNull()) {
                out.put(key, v.isBigDecimal() ? v.decimalValue().toPlainString() : v.isValueNode() ? v.asText() : v.toString());
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
