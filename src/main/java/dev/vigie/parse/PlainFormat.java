package dev.vigie.parse;

import dev.vigie.event.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Application logs that start with a time: {@code <time> <LEVEL> <message>} and the layouts of the
 * common libraries: Logback/Log4j ({@code LEVEL [thread] logger - msg}, Logback's time-only
 * default {@code HH:mm:ss.SSS [thread] LEVEL logger - msg}), Spring Boot
 * ({@code LEVEL pid --- [thread] logger : msg}), Python logging ({@code time - logger - LEVEL - msg},
 * and {@code LEVEL:logger:msg} without time), Go's log package ({@code 2025/03/14 14:30:01 msg}),
 * cloudflared's console form ({@code ERR msg key=value}), PostgreSQL ({@code UTC [pid] FATAL:  msg}).
 */
final class PlainFormat implements LogFormat {
    private static final Pattern PID = Pattern.compile("^\\[\\d+\\]$");
    private static final Pattern SPRING = Pattern.compile("^\\d+ --- \\[\\s*([^\\]]*)\\] (\\S+)\\s*: (.*)$", Pattern.DOTALL);
    private static final Pattern THREAD_LOGGER = Pattern.compile("^\\[([^\\]]*)\\] ([\\w.$]+)\\s+-\\s(.*)$", Pattern.DOTALL);
    private static final Pattern LOGGER_DASH = Pattern.compile("^([\\w.$]+)\\s+-\\s(.*)$", Pattern.DOTALL);
    private static final Pattern LOGGER_COLON = Pattern.compile("^([\\w.$]+(?:\\$\\w+)*): (.*)$", Pattern.DOTALL);
    private static final Pattern THREAD_FIRST = Pattern.compile("^\\[([^\\]]*)\\]\\s+(\\w+)\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern PYTHON = Pattern.compile("^- ([\\w.]+) - (\\w+) - (.*)$", Pattern.DOTALL);
    private static final Pattern PYTHON_BASIC = Pattern.compile("^(DEBUG|INFO|WARNING|ERROR|CRITICAL):([\\w.]+):(.*)$", Pattern.DOTALL);

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public Parsed parse(String line, Instant reference) {
        Timestamps.Found ts = Timestamps.atStart(line, reference);
        if (ts == null) {
            Matcher basic = PYTHON_BASIC.matcher(line);
            if (basic.matches()) {
                return new Parsed(null, Level.fromToken(basic.group(1)), null, basic.group(3),
                        new LinkedHashMap<>(Map.of("logger", basic.group(2))));
            }
            return null;
        }
        String rest = line.substring(ts.end()).stripLeading();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher python = rest.startsWith("- ") ? PYTHON.matcher(rest) : null;
        if (python != null && python.matches() && Level.fromToken(python.group(2)) != null) {
            fields.put("logger", python.group(1));
            return new Parsed(ts.instant(), Level.fromToken(python.group(2)), null, python.group(3), fields);
        }
        Matcher threadFirst = rest.startsWith("[") ? THREAD_FIRST.matcher(rest) : null;
        if (threadFirst != null && threadFirst.matches() && Level.fromToken(threadFirst.group(2)) != null) {
            fields.put("thread", threadFirst.group(1));
            return withLogger(ts.instant(), Level.fromToken(threadFirst.group(2)), threadFirst.group(3), fields);
        }
        String first = token(rest);
        if (PID.matcher(first).matches()) {
            fields.put("pid", first.substring(1, first.length() - 1));
            rest = rest.substring(first.length()).stripLeading();
            first = token(rest);
        }
        // "[ERROR]" as well as "ERROR"
        Level level = Level.fromToken(first.length() > 2 && first.startsWith("[") && first.endsWith("]")
                ? first.substring(1, first.length() - 1) : first);
        if (level == null) {
            return new Parsed(ts.instant(), LevelKeywords.writtenOrInferred(rest, fields), null, rest, fields);
        }
        String message = rest.substring(first.length()).stripLeading();
        Matcher spring = message.indexOf(" --- [") > 0 ? SPRING.matcher(message) : null;
        if (spring != null && spring.matches()) {
            fields.put("thread", spring.group(1).trim());
            fields.put("logger", spring.group(2));
            return new Parsed(ts.instant(), level, null, spring.group(3), fields);
        }
        Matcher threadLogger = message.startsWith("[") ? THREAD_LOGGER.matcher(message) : null;
        if (threadLogger != null && threadLogger.matches()) {
            fields.put("thread", threadLogger.group(1));
            fields.put("logger", threadLogger.group(2));
            return new Parsed(ts.instant(), level, null, threadLogger.group(3), fields);
        }
        return withLogger(ts.instant(), level, message, fields);
    }

    /** {@code logger - message} or {@code a.b.Logger: message}, when the message starts so. */
    private static Parsed withLogger(Instant time, Level level, String message, Map<String, String> fields) {
        int space = message.indexOf(' ');
        if (space < 0 || message.lastIndexOf('.', space) < 0) {
            return new Parsed(time, level, null, message, fields); // no dotted logger name first
        }
        Matcher dash = LOGGER_DASH.matcher(message);
        if (dash.matches() && dash.group(1).contains(".")) {
            fields.put("logger", dash.group(1));
            return new Parsed(time, level, null, dash.group(2), fields);
        }
        Matcher colon = LOGGER_COLON.matcher(message);
        if (colon.matches() && colon.group(1).contains(".")) {
            fields.put("logger", colon.group(1));
            return new Parsed(time, level, null, colon.group(2), fields);
        }
        return new Parsed(time, level, null, message, fields);
    }

    private static String token(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
