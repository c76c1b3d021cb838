package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * syslog: RFC 5424 ({@code <34>1 2025-03-14T14:30:01.003Z host app 123 ID47 [sd] msg}), RFC 3164
 * ({@code <34>Mar 14 14:30:01 host app[123]: msg}) and what files and journald's short export
 * hold (the same without the priority, with a year-less or an ISO time).
 */
final class SyslogFormat implements LogFormat {
    private static final Pattern RFC5424 = Pattern.compile(
            "^<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|(?:\\[[^\\]]*\\])+) ?(.*)$", Pattern.DOTALL);
    private static final Pattern PRI = Pattern.compile("^<(\\d{1,3})>");
    private static final Pattern KERNEL_UPTIME = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        Matcher m = line.startsWith("<") ? RFC5424.matcher(line) : null;
        if (m != null && m.matches()) {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "host", m.group(3));
            put(fields, "pid", m.group(5));
            put(fields, "msgid", m.group(6));
            put(fields, "structured_data", m.group(7));
            String msg = m.group(8).startsWith("\uFEFF") ? m.group(8).substring(1) : m.group(8);
            return new Parsed(Timestamps.any(m.group(2), reference), severity(Integer.parseInt(m.group(1))),
                    "-".equals(m.group(4)) ? null : m.group(4), msg, fields);
        }
        String rest = line;
        Level level = null;
        Matcher pri = rest.startsWith("<") ? PRI.matcher(rest) : null;
        if (pri != null && pri.find()) {
            level = severity(Integer.parseInt(pri.group(1)));
            rest = rest.substring(pri.end());
        }
        Timestamps.Found t = Timestamps.atStart(rest, reference);
        if (t == null) {
            return null;
        }
        HostTag h = HostTag.read(rest, t.end());
        if (h == null || Level.fromToken(h.tag()) != null || h.host().startsWith("[")) {
            return null; // "[pid] FATAL: …" is PostgreSQL's form, not a host and a tag
        }
        if (h.host().equals(h.host().toUpperCase(java.util.Locale.ROOT)) && Level.fromToken(h.host()) != null) {
            return null; // "time INFO logger: message" (Spark, log4j): a level where the host would be
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("host", h.host());
        put(fields, "pid", h.pid());
        String message = h.message().startsWith("[") ? KERNEL_UPTIME.matcher(h.message()).replaceFirst("") : h.message();
        if (level == null) {
            level = LevelKeywords.writtenOrInferred(message, fields); // "app[12]: [WARN] disk at 91%"
        }
        return new Parsed(t.instant(), level, h.tag(), message, fields);
    }

    /** {@code host tag[pid]: message}, read by hand: it follows the time on every syslog line. */
    record HostTag(String host, String tag, String pid, String message) {
        static HostTag read(String line, int from) {
            int n = line.length();
            int i = from;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int hostEnd = line.indexOf(' ', i);
            if (hostEnd <= i) {
                return null;
            }
            int tagStart = hostEnd + 1;
            int j = tagStart;
            while (j < n && line.charAt(j) != ':' && line.charAt(j) != '[' && !Character.isWhitespace(line.charAt(j))) {
                j++;
            }
            if (j == tagStart || j == n) {
                return null;
            }
            String pid = null;
            if (line.charAt(j) == '[') {
                int close = line.indexOf(']', j);
                if (close < 0) {
                    return null;
                }
                pid = line.substring(j + 1, close);
                for (int k = 0; k < pid.length(); k++) {
                    if (!Character.isDigit(pid.charAt(k))) {
                        return null;
                    }
                }
                int after = close + 1;
                if (after >= n || line.charAt(after) != ':') {
                    return null;
                }
                j = after;
            }
            if (line.charAt(j) != ':') {
                return null;
            }
            int msg = j + 1 < n && line.charAt(j + 1) == ' ' ? j + 2 : j + 1;
            return new HostTag(line.substring(i, hostEnd), line.substring(tagStart, pid == null ? j : line.indexOf('[', tagStart)),
                    pid, line.substring(Math.min(msg, n)));
        }
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !"-".equals(value)) {
            fields.put(key, value);
        }
    }

    /** The severity half of a priority: 0–2 emergency/alert/critical, 3 error, 4 warning, 5–6 notice/info, 7 debug. */
    static Level severity(int priority) {
        int s = priority % 8;
        return s <= 2 ? Level.FATAL : s == 3 ? Level.ERROR : s == 4 ? Level.WARN : s <= 6 ? Level.INFO : Level.DEBUG;
    }
}
