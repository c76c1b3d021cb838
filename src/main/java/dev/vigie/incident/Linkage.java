package dev.vigie.incident;

import dev.vigie.event.Anomaly;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ties two services' anomalies together, read from the lines they hold as evidence, with no
 * configuration: one service's lines name the other (an nginx upstream, a tunnel's origin host), or
 * point at the kind of component the other is (a JDBC error and a database), or both name the same
 * process, address or line template. Words and identifiers only: deterministic.
 */
final class Linkage {
    /** Of one service's evidence, what is kept to compare: enough to find names, bounded whatever the lines. */
    static final int MAX_TEXT = 32 * 1024;

    /** Components by kind: how a service is named, and how lines that depend on one speak of it. */
    private enum Kind {
        DATABASE("(?:postgres(?:ql)?|pg|mysql|mariadb|mongo(?:db)?|oracle|mssql|sqlserver|cockroach(?:db)?|cassandra|clickhouse|db|database)",
                "jdbc|sqlexception|sqltransient\\w*|sqlstate|hikari(?:pool)?|java\\.sql|psycopg2?|sqlalchemy|pgbouncer|activerecord"
                        + "|too many connections|connection pool|deadlock detected|postgres(?:ql)?|mysql|mariadb|mongodb|ora-\\d{5}"),
        CACHE("(?:redis|memcached?|valkey|keydb)", "redis|jedis|lettuce|memcached?|valkey"),
        QUEUE("(?:kafka|rabbitmq|rabbit|nats|activemq|pulsar)", "kafka|amqp|rabbitmq|activemq|pulsar|nats");

        final Pattern service;
        final Pattern pointer;

        Kind(String service, String pointer) {
            this.service = Pattern.compile("(?:^|[^a-z0-9])" + service + "(?:$|[^a-z0-9])");
            this.pointer = Pattern.compile("(?<![a-z0-9])(?:" + pointer + ")(?![a-z0-9])");
        }

        static Kind of(String service) {
            String s = service.toLowerCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.service.matcher(s).find()) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Process ids as logs write them: the kernel's "process N", "pid=N", syslog's "name[N]:", Spring Boot's "LEVEL N ---". */
    private static final Pattern PID = Pattern.compile(
            "(?i)(?:\\bprocess |\\bpid[=: ]+|\\w\\[)(\\d{2,7})\\b|\\b(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) +(\\d{2,7}) ---");
    /** Addresses: an IPv4 address (not loopback or unspecified), or a host with its port. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\d.])((?!127\\.|0\\.0\\.0\\.0)\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])|\\b([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*:\\d{2,5})\\b");

    /**
     * A link between two services, {@code from} calling or naming {@code to}; {@code why} says it in a
     * few words; {@code dependency} whether it says that one depends on the other (a silence beside a
     * failure does not), and so teaches something.
     */
    record Link(String from, String to, String why, boolean dependency) {
        Link(String from, String to, String why) {
            this(from, to, why, true);
        }
    }

    /** What one service's anomalies in an incident say: their lines (bounded), identifiers and templates. */
    static final class Profile {
        private final StringBuilder text = new StringBuilder();
        private final Set<String> ids = new HashSet<>();
        private final Set<String> templates = new HashSet<>();
        private boolean onlySilence = true;

        void add(Anomaly a) {
            onlySilence &= "silence".equals(a.check());
            Object templateIds = a.evidence().get("templates");
            if (templateIds instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> templates.add(String.valueOf(k)));
                m.values().forEach(v -> {
                    if (v instanceof String s) {
                        addText(s);
                    }
                });
            }
            if (a.evidence().get("samples") instanceof List<?> samples) {
                samples.forEach(s -> addText(String.valueOf(s)));
            }
        }

        void addAll(Profile other) {
            onlySilence &= other.onlySilence;
            templates.addAll(other.templates);
            addText(other.text.toString());
        }

        private void addText(String s) {
            int room = MAX_TEXT - text.length();
            if (room <= 0) {
                return;
            }
            String kept = s.length() > room ? s.substring(0, room) : s;
            text.append(kept.toLowerCase(Locale.ROOT)).append('\n');
            Matcher m = PID.matcher(kept);
            while (m.find()) {
                ids.add("pid " + (m.group(1) != null ? m.group(1) : m.group(2)));
            }
            m = ADDRESS.matcher(kept.toLowerCase(Locale.ROOT));
            while (m.find()) {
                ids.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }

        boolean onlySilence() {
            return onlySilence;
        }
    }

    private Linkage() {
    }

    /** @return what links the two services, or null when their lines show nothing in common */
    static Link between(String a, Profile pa, String b, Profile pb) {
        if (names(pa, b)) {
            return new Link(a, b, a + "'s lines name " + b);
        }
        if (names(pb, a)) {
            return new Link(b, a, b + "'s lines name " + a);
        }
        Kind kb = Kind.of(b);
        if (kb != null && kb.pointer.matcher(pa.text).find()) {
            return new Link(a, b, a + "'s lines point at a " + kb.name().toLowerCase(Locale.ROOT) + ", which " + b + " is");
        }
        Kind ka = Kind.of(a);
        if (ka != null && ka.pointer.matcher(pb.text).find()) {
            return new Link(b, a, b + "'s lines point at a " + ka.name().toLowerCase(Locale.ROOT) + ", which " + a + " is");
        }
        for (String id : pa.ids) {
            if (pb.ids.contains(id)) {
                return new Link(a, b, "both name " + id);
            }
        }
        for (String t : pa.templates) {
            if (pb.templates.contains(t)) {
                return new Link(a, b, "both log the same line shape");
            }
        }
        return null;
    }

    /** Whether the lines name the service, as a word of its own (an upstream {@code api:8080}, a path {@code /api/}). */
    private static boolean names(Profile p, String service) {
        String s = service.toLowerCase(Locale.ROOT);
        if (s.length() < 3) {
            return false;
        }
        String text = p.text.toString();
        for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
            boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + s.length();
            boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }
}
