package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** logfmt: {@code time=… level=… msg="…" key=value}, as Go's logfmt, Heroku and Grafana tools write it. */
final class LogfmtFormat implements LogFormat {
    @Override
    public String name() {
        return "logfmt";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        Map<String, String> pairs = pairs(line);
        if (pairs == null || pairs.size() < 2) {
            return null;
        }
        String timeKey = firstKey(pairs, "time", "ts", "t", "timestamp");
        String levelKey = firstKey(pairs, "level", "lvl", "severity");
        String msgKey = firstKey(pairs, "msg", "message");
        if (timeKey == null && levelKey == null && msgKey == null) {
            return null;
        }
        Map<String, String> fields = pairs; // fresh for this line
        Instant time = timeKey == null ? null : Timestamps.any(fields.remove(timeKey), reference);
        Level level = levelKey == null ? null : Level.fromToken(fields.remove(levelKey));
        String message = msgKey == null ? line : fields.remove(msgKey);
        String service = fields.containsKey("service") ? fields.remove("service") : null;
        return new Parsed(time, level, service, message, fields);
    }

    private static String firstKey(Map<String, String> pairs, String... keys) {
        for (String k : keys) {
            if (pairs.containsKey(k)) {
                return k;
            }
        }
        return null;
    }

    /** The key=value pairs of a line, values quoted or bare; null when the line is not all pairs. */
    static Map<String, String> pairs(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int keyStart = i;
            while (i < n && line.charAt(i) != '=' && line.charAt(i) != ' ' && line.charAt(i) != '"') {
                i++;
            }
            if (i == n || line.charAt(i) != '=' || i == keyStart) {
                return null;
            }
            String key = line.substring(keyStart, i++);
            if (i < n && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < n && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(line.charAt(i++));
                }
                if (i == n) {
                    return null; // unterminated quote
                }
                i++;
                out.put(key, value.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ' ') {
                    i++;
                }
                out.put(key, line.substring(start, i));
            }
        }
        return out;
    }
}
