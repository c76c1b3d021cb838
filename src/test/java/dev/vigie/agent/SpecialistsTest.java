package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Six specialists, each with its own knowledge: the model's prompts differ in substance, the offline checks by domain. */
class SpecialistsTest {
    private static List<String> lines(Domain d) throws IOException {
        try (InputStream in = SpecialistsTest.class.getResourceAsStream("/dev/vigie/agent/prompts/fixer-" + d.label() + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(d.label(), "DOMAIN");
            return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    @Test
    void noTwoFixerPromptsShareHalfTheirLinesOnceTheDomainWordIsReplaced() throws IOException {
        for (Domain a : Domain.values()) {
            for (Domain b : Domain.values()) {
                if (a.ordinal() < b.ordinal()) {
                    List<String> la = lines(a);
                    Set<String> shared = new HashSet<>(la);
                    shared.retainAll(new HashSet<>(lines(b)));
                    assertThat((double) shared.size() / la.size()).as(a + " and " + b).isLessThanOrEqualTo(0.5);
                }
            }
        }
        for (Domain d : Domain.values()) {
            String prompt = String.join("\n", lines(d));
            assertThat(prompt).as(d + " says which tools to call with which window").contains("get_lines").contains("\"before\"");
            assertThat(prompt).as(d + " says how to verify").containsIgnoringCase("verify");
        }
    }

    private static List<String> offlineChecks(String template, String line) {
        return new OfflineAnalyst().analyse(Facts.of(template, line), "").checks();
    }

    @Test
    void eachOfflineSpecialistNamesItsDomainsChecksFilledInFromTheFacts() {
        assertThat(offlineChecks("FATAL: sorry, too many clients already",
                "2026-03-14 08:20:00.700 UTC [4413] FATAL:  sorry, too many clients already"))
                .anyMatch(c -> c.contains("pg_stat_activity")).anyMatch(c -> c.contains("pool metrics of api"));
        assertThat(offlineChecks("upstream timed out while connecting to upstream",
                "2026/03/14 10:30:02 [error] 31#31: *812 upstream timed out (110: Connection timed out) while connecting to upstream, "
                        + "upstream: \"http://orders-svc:8080/api/orders\""))
                .anyMatch(c -> c.startsWith("nc -vz orders-svc 8080")).anyMatch(c -> c.contains("curl -sv --max-time 5 http://orders-svc:8080/"));
        assertThat(offlineChecks("Out of memory: Killed process <*> (java)",
                "2026-03-14T09:50:12.310000+00:00 web-1 kernel: Out of memory: Killed process 4242 (java) total-vm:8123456kB"))
                .anyMatch(c -> c.startsWith("journalctl -k --since '2026-03-14T08:10:00Z'")).anyMatch(c -> c.startsWith("df -h"));
        assertThat(offlineChecks("Failed password for <*> from <*> port <*> ssh2",
                "Mar 14 08:20:01 web-1 sshd[912]: Failed password for invalid user admin from 203.0.113.77 port 52214 ssh2"))
                .anyMatch(c -> c.contains("203.0.113.77")).anyMatch(c -> c.startsWith("lastb"));
        assertThat(offlineChecks("stripe webhook delivery failed: <*> Too Many Requests",
                "2026-03-14T08:20:00Z ERROR PaymentClient - POST https://api.stripe.com/v1/charges returned 429 Too Many Requests"))
                .anyMatch(c -> c.contains("dead-letter"));
        assertThat(offlineChecks("NullPointerException in OrderService.total",
                "2026-03-14T08:20:00Z ERROR java.lang.NullPointerException: Cannot invoke \"Order.total()\" at shop.OrderService.total"))
                .anyMatch(c -> c.startsWith("git log --since='2026-03-14T06:20:00Z'"));
    }
}
