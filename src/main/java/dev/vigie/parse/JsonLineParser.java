package dev.vigie.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.event.Level;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON lines, whatever the field names of the common loggers (Logback/Logstash, Bunyan/Pino, Zap, Serilog...). */
final class JsonLineParser {
    private static final List<String> TIME = List.of("@timestamp", "timestamp", "time", "ts", "@t", "date", "datetime");
    private static final List<String> LEVEL = List.of("level", "severity", "lvl", "levelname", "log.level", "@l", "loglevel");
    private static final List<String> MESSAGE = List.of("message", "msg", "@m", "@mt", "text", "event");
    private static final List<String> SERVICE = List.of("service", "service.name", "app", "application", "name");
    private static final List<String> EXCEPTION = List.of("exception", "stack_trace", "stacktrace", "error.stack", "@x", "exc_info");

    private final ObjectMapper json = new ObjectMapper();

    Parsed parse(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
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
        String exceptionKey = first(all, EXCEPTION);

        Instant time = timeKey == null ? null : Timestamps.any(all.get(timeKey));
        Level level = levelKey == null ? null : level(all.get(levelKey));
        String message = messageKey == null ? text : all.get(messageKey);
        String service = serviceKey == null ? null : all.get(serviceKey);

        Map<String, String> fields = new LinkedHashMap<>(all);
        for (String used : new String[] {timeKey, levelKey, messageKey, serviceKey}) {
            if (used != null) {
                fields.remove(used);
            }
        }
        if (exceptionKey != null && !exceptionKey.equals("exception")) {
            fields.put("exception", fields.remove(exceptionKey));
        }
        return new Parsed(time, level, service, message, fields);
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
                out.put(key, v.isValueNode() ? v.asText() : v.toString());
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
