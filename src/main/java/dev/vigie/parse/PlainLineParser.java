package dev.vigie.parse;

import dev.vigie.event.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines that start with a timestamp: {@code <timestamp> <LEVEL> <message>} and its common
 * relatives (cloudflared's {@code ERR}, PostgreSQL's {@code [pid] FATAL:}, Spring Boot's
 * {@code LEVEL pid --- [thread] logger : message}, syslog's {@code host tag[pid]: message}).
 */
final class PlainLineParser {
    private static final Pattern PID = Pattern.compile("^\\[\\d+\\]$");
    private static final Pattern SPRING = Pattern.compile("^\\d+ --- \\[\\s*([^\\]]*)\\] (\\S+)\\s*: (.*)$", Pattern.DOTALL);
    private static final Pattern SYSLOG = Pattern.compile("^(\\S+) ([\\w.\\-/]+)(?:\\[(\\d+)\\])?: (.*)$", Pattern.DOTALL);
    private static final Pattern KERNEL_UPTIME = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");

    Parsed parse(String text) {
        Timestamps.Found ts = Timestamps.atStart(text);
        if (ts == null) {
            return null;
        }
        String rest = text.substring(ts.end()).stripLeading();
        Map<String, String> fields = new LinkedHashMap<>();
        String first = token(rest);
        if (PID.matcher(first).matches()) {
            fields.put("pid", first.substring(1, first.length() - 1));
            rest = rest.substring(first.length()).stripLeading();
            first = token(rest);
        }
        Level level = Level.fromToken(first);
        String service = null;
        String message;
        if (level != null) {
            message = rest.substring(first.length()).stripLeading();
            Matcher spring = SPRING.matcher(message);
            if (spring.matches()) {
                fields.put("thread", spring.group(1).trim());
                fields.put("logger", spring.group(2));
                message = spring.group(3);
            }
        } else {
            Matcher syslog = SYSLOG.matcher(rest);
            if (syslog.matches()) {
                fields.put("host", syslog.group(1));
                service = syslog.group(2);
                if (syslog.group(3) != null) {
                    fields.put("pid", syslog.group(3));
                }
                message = KERNEL_UPTIME.matcher(syslog.group(4)).replaceFirst("");
            } else {
                message = rest;
            }
            level = LevelKeywords.infer(message);
            fields.put("level_inferred", "true");
        }
        return new Parsed(ts.instant(), level, service, message, fields);
    }

    private static String token(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
