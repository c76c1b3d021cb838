package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sixty incidents of technologies the shared set lacks (MySQL, MongoDB, Cassandra, Oracle, SQL
 * Server, Kafka, HAProxy, Envoy, Traefik, Go, Node.js, Rails, PHP, .NET, Elasticsearch, Vault…),
 * written from the public documentation of their error messages. The "held-out" half was never
 * looked at while the analyst's signs were chosen; its score is the honest one.
 */
class OwnCasesTest {
    record Scored(int right, int cases, double confidenceRight, double confidenceWrong) {
        double accuracy() {
            return (double) right / cases;
        }
    }

    static Scored score(String split) throws Exception {
        OfflineAnalyst analyst = new OfflineAnalyst();
        int right = 0;
        int cases = 0;
        double[] confidence = new double[2];
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                OwnCasesTest.class.getResourceAsStream("/dev/vigie/agent/own-cases.jsonl"), StandardCharsets.UTF_8))) {
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                JsonNode c = json.readTree(row);
                if (!c.get("split").asText().equals(split)) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                c.get("lines").forEach(l -> lines.add(l.asText()));
                Diagnosis d = analyst.diagnose(lines);
                cases++;
                boolean ok = d.domain().equals(c.get("domain").asText());
                right += ok ? 1 : 0;
                confidence[ok ? 0 : 1] += d.confidence();
            }
        }
        return new Scored(right, cases, confidence[0] / Math.max(1, right), confidence[1] / Math.max(1, cases - right));
    }

    @Test
    void theHeldOutHalfIsDiagnosedInItsDomainAtLeastNineTimesInTen() throws Exception {
        Scored held = score("held-out");
        assertThat(held.cases()).isEqualTo(30);
        assertThat(held.accuracy()).isGreaterThanOrEqualTo(0.9);
        if (held.right() < held.cases()) {
            assertThat(held.confidenceWrong()).as("less sure when wrong").isLessThan(held.confidenceRight());
        }
    }

    @Test
    void theDevelopmentHalfIsAllRight() throws Exception {
        assertThat(score("dev").accuracy()).isEqualTo(1.0);
    }
}
