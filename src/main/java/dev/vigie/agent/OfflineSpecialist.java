package dev.vigie.agent;

import dev.vigie.incident.FactsReport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline counterpart of each fixer: the checks its domain runs first, filled in from the facts
 * (the services, the window, the hosts, ports, addresses and engines the lines name), so that an
 * offline report tells what to type, not only what to think about.
 */
enum OfflineSpecialist {
    DATABASE {
        @Override
        List<String> checks(Clues c) {
            List<String> out = new ArrayList<>();
            if (c.says("mysql|mariadb|innodb")) {
                out.add("SHOW FULL PROCESSLIST; -- sessions by state and time, on the database " + c.service() + " uses");
                out.add("SHOW ENGINE INNODB STATUS; -- lock waits and the latest deadlock");
            } else if (c.says("mongo")) {
                out.add("db.currentOp({active: true, secs_running: {$gt: 5}}) -- operations running long");
            } else {
                out.add("SELECT state, count(*), max(now() - xact_start) FROM pg_stat_activity GROUP BY state; -- who holds connections");
                out.add("SELECT pid, wait_event_type, now() - xact_start AS age, left(query, 80) FROM pg_stat_activity "
                        + "WHERE state = 'idle in transaction' OR wait_event_type = 'Lock' ORDER BY age DESC LIMIT 20;");
            }
            out.add("the connection pool metrics of " + c.service() + " (active, idle, pending) since " + c.before(10));
            return out;
        }
    },
    NETWORK {
        @Override
        List<String> checks(Clues c) {
            List<String> out = new ArrayList<>();
            for (String hostPort : c.hostPorts()) {
                String[] hp = hostPort.split(":");
                out.add("nc -vz " + hp[0] + " " + hp[1] + "  # from the proxy's or tunnel's host: does anything listen there?");
                out.add("curl -sv --max-time 5 http://" + hostPort + "/  # the upstream answering directly, without the proxy");
            }
            for (String host : c.hostNames()) {
                out.add("dig +short " + host + "  # does the name resolve, and to what?");
            }
            if (c.says("tls|ssl|certificate|x509")) {
                out.add("openssl s_client -connect HOST:443 -servername HOST </dev/null | openssl x509 -noout -dates -subject");
            }
            if (c.says("cloudflared|tunnel")) {
                out.add("cloudflared tunnel info  # are the tunnel's connections registered?");
            }
            out.add("the 5xx share and request rate of " + c.service() + " since " + c.before(10) + ": when did the path break?");
            return out;
        }
    },
    APPLICATION {
        @Override
        List<String> checks(Clues c) {
            List<String> out = new ArrayList<>();
            out.add("git log --since='" + c.before(120) + "' --oneline  # what was released before the first error");
            out.add("kubectl rollout history deploy/" + c.service() + "  # or the deploy tool's history for " + c.service());
            c.exception().ifPresent(e -> out.add("the first frame in " + c.service() + "'s own code under " + e
                    + " (the full trace: get_lines on its template)"));
            out.add("the feature flags and configuration changed since " + c.before(120));
            return out;
        }
    },
    INFRASTRUCTURE {
        @Override
        List<String> checks(Clues c) {
            List<String> out = new ArrayList<>();
            out.add("journalctl -k --since '" + c.before(10) + "' | grep -iE 'oom|killed process|i/o error'  # the kernel's side");
            out.add("df -h && df -i  # bytes and inodes on every file system");
            out.add("free -m && ps -eo pid,rss,cmd --sort=-rss | head -15  # who holds the memory");
            if (c.says("kubernetes|kubelet|pod|container|oomkilled|docker")) {
                out.add("kubectl get events --sort-by=.lastTimestamp | tail -30  # evictions, OOMKilled, restarts");
            }
            out.add("systemctl status " + c.service() + "  # restarts and exit codes of the service");
            return out;
        }
    },
    SECURITY {
        @Override
        List<String> checks(Clues c) {
            List<String> out = new ArrayList<>();
            for (String ip : c.addresses()) {
                out.add("grep -c '" + ip + "' on the access and auth logs since " + c.before(60) + "  # what this source did");
            }
            out.add("lastb -n 50; last -n 20  # failed, then successful, logins on the host");
            out.add("the API keys and accounts used since " + c.before(60) + ": rotate any that appear in the lines (they are redacted here)");
            return out;
        }
    },
    INTEGRATION {
        @Override
        List<String> checks(Clues c) {
            List<String> out = new ArrayList<>();
            out.add("the partner's status page, and " + c.service() + "'s calls to it by status since " + c.before(30)
                    + " (429, 5xx, 401/403)");
            out.add("the dead-letter queue's depth and its oldest message: what waits to be replayed");
            out.add("the failed webhooks and requests by id since " + c.before(30) + ", to replay idempotently once the partner answers");
            return out;
        }
    };

    /** The domain's first checks, for these facts. */
    abstract List<String> checks(Clues c);

    static OfflineSpecialist of(String domain) {
        Domain d = Domain.parse(domain);
        return d == null ? APPLICATION : valueOf(d.name());
    }

    /** What the facts name that a check can use: the service, the window, hosts, ports, addresses, an exception class. */
    record Clues(String service, Instant start, String text) {
        private static final Pattern HOST_PORT = Pattern.compile("\\b((?:[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*|\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{2,5})\\b");
        private static final Pattern HOST_NAME = Pattern.compile("\\b(?:https?://|host[= ]|server[= ])([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)");
        private static final Pattern IP = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.:])");
        private static final Pattern EXCEPTION = Pattern.compile("\\b((?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error))\\b");

        static Clues of(FactsReport f) {
            StringBuilder text = new StringBuilder(f.firstSignal()).append('\n');
            f.sampleLines().forEach(l -> text.append(l).append('\n'));
            f.templates().forEach(t -> text.append(t.template()).append('\n'));
            return new Clues(f.service(), f.start(), text.toString());
        }

        boolean says(String words) {
            return Pattern.compile("(?i)\\b(?:" + words + ")").matcher(text).find();
        }

        String before(int minutes) {
            return start.minus(minutes, ChronoUnit.MINUTES).toString();
        }

        List<String> hostPorts() {
            return found(HOST_PORT, text.toLowerCase(Locale.ROOT), 2, s -> !s.startsWith("127.") && !s.matches("\\d{1,2}:\\d{2}"));
        }

        List<String> hostNames() {
            return found(HOST_NAME, text.toLowerCase(Locale.ROOT), 2, s -> true);
        }

        List<String> addresses() {
            return found(IP, text, 3, s -> !s.startsWith("127.") && !s.startsWith("0."));
        }

        java.util.Optional<String> exception() {
            Matcher m = EXCEPTION.matcher(text);
            return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
        }

        private static List<String> found(Pattern p, String text, int max, java.util.function.Predicate<String> keep) {
            Set<String> out = new LinkedHashSet<>();
            Matcher m = p.matcher(text);
            while (m.find() && out.size() < max) {
                if (keep.test(m.group(1))) {
                    out.add(m.group(1));
                }
            }
            return List.copyOf(out);
        }
    }
}
