package dev.vigie.parse;

import java.util.List;
import java.util.Locale;

/** The formats Vigie reads, by the names a person gives them (settings, {@code --log-format}). */
public final class Formats {
    /** Tried in this order when a source's format is sniffed: the strictest shapes first. */
    static final List<LogFormat> SNIFFED = List.of(new JsonFormat(), new SyslogFormat(), new AccessLogFormat(),
            new NginxErrorFormat(), new ApacheErrorFormat(), new PlainFormat(), new LogfmtFormat());

    public static final String AUTO = "auto";

    private Formats() {
    }

    /** The names {@link #named} accepts, besides a header format in Loghub's notation. */
    public static List<String> names() {
        return List.of(AUTO, "json", "logfmt", "syslog", "access", "nginx-access", "apache-access", "nginx-error",
                "apache-error", "plain");
    }

    /**
     * @throws IllegalArgumentException for a name that is not a format, with the list of those that are
     */
    static LogFormat named(String spec) {
        String s = spec.strip();
        if (s.contains("<")) {
            return new HeaderFormat(s.startsWith("header:") ? s.substring("header:".length()) : s);
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "json" -> new JsonFormat();
            case "logfmt" -> new LogfmtFormat();
            case "syslog", "journald" -> new SyslogFormat();
            case "access", "nginx-access", "apache-access" -> new AccessLogFormat();
            case "nginx-error" -> new NginxErrorFormat();
            case "apache-error" -> new ApacheErrorFormat();
            case "plain" -> new PlainFormat();
            default -> throw new IllegalArgumentException("unknown log format '" + spec + "'; use one of "
                    + names() + " or a header format such as '<Date> <Time> <Level> <Component>: <Content>'");
        };
    }
}
