package dev.vigie.parse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Apache's error log: {@code [Fri Mar 14 14:30:01.123456 2025] [core:error] [pid 1234:tid 5678] [client 1.2.3.4:5678] AH00126: …}. */
final class ApacheErrorFormat implements LogFormat {
    private static final Pattern LINE = Pattern.compile(
            "^\\[([^\\]]+)\\] \\[(?:([\\w-]+):)?(\\w+)\\] (?:\\[pid (\\d+)(?::tid (\\d+))?\\] )?(?:\\[client ([^\\]]+)\\] )?(.*)$",
            Pattern.DOTALL);

    @Override
    public String name() {
        return "apache-error";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Timestamps.Found t = Timestamps.atStart(m.group(1), reference);
        if (t == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (m.group(2) != null) {
            fields.put("module", m.group(2));
        }
        if (m.group(4) != null) {
            fields.put("pid", m.group(4));
        }
        if (m.group(5) != null) {
            fields.put("tid", m.group(5));
        }
        if (m.group(6) != null) {
            fields.put("client", m.group(6));
        }
        return new Parsed(t.instant(), NginxErrorFormat.level(m.group(3)), "apache", m.group(7), fields);
    }
}
