package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** nginx and Apache access logs, common or combined, with a trailing request time when present. */
final class AccessLogFormat implements LogFormat {
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) \\S+ (\\S+) \\[([^\\]]+)\\] \"([^\"]*)\" (\\d{3}) (\\d+|-)"
                    + "(?: \"([^\"]*)\" \"([^\"]*)\")?(?: (\\d+(?:\\.\\d+)?))?.*$");

    @Override
    public String name() {
        return "access";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        // cheap shape check first: "<client> <ident> <user> [" — most lines of other formats stop here
        int a = line.indexOf(' ');
        int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
        int c = b < 0 ? -1 : line.indexOf(' ', b + 1);
        if (c < 0 || c + 1 >= line.length() || line.charAt(c + 1) != '[') {
            return null;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Instant time = Timestamps.clf(m.group(3));
        if (time == null) {
            return null;
        }
        int status = Integer.parseInt(m.group(5));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("client", m.group(1));
        String[] request = m.group(4).split(" ");
        if (request.length == 3) {
            fields.put("method", request[0]);
            fields.put("path", request[1]);
        }
        fields.put("status", m.group(5));
        fields.put("bytes", m.group(6));
        if (m.group(8) != null) {
            fields.put("user_agent", m.group(8));
        }
        if (m.group(9) != null) {
            fields.put("request_time", m.group(9));
        }
        Level level = status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO;
        return new Parsed(time, level, null, m.group(4) + " " + status, fields);
    }
}
