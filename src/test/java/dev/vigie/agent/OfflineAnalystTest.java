package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.privacy.Redactor;
import dev.vigie.report.ReportRenderer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAnalystTest {
    private final OfflineAnalyst analyst = new OfflineAnalyst();

    @Test
    void eachPlaybookIsChosenByItsEvidence() {
        assertThat(analyst.analyse(Facts.of("sorry, too many clients already", "FATAL: sorry, too many clients already"), "").domain())
                .isEqualTo("database");
        assertThat(analyst.analyse(Facts.of("Unable to reach the origin service. error=\"dial tcp <*>: connect: connection refused\"",
                "ERR Unable to reach the origin service"), "").domain()).isEqualTo("network");
        assertThat(analyst.analyse(Facts.of("Out of memory: Killed process <*> (java)", "kernel: Out of memory: Killed process 4121 (java)"), "").domain())
                .isEqualTo("infrastructure");
        // a proxy's 502s towards our own upstream are the network's; our own 500s are the application's
        assertThat(analyst.analyse(Facts.of("POST /api/checkout HTTP/<*> <*>",
                "1.2.3.4 - - [14/Mar/2026:10:30:00 +0000] \"POST /api/checkout HTTP/1.1\" 502 157"), "").domain())
                .isEqualTo("network");
        assertThat(analyst.analyse(Facts.of("POST /api/checkout HTTP/<*> <*>",
                "1.2.3.4 - - [14/Mar/2026:10:30:00 +0000] \"POST /api/checkout HTTP/1.1\" 500 157"), "").domain())
                .isEqualTo("application");
    }

    @Test
    void withoutAMatchingSignatureItSaysSoInsteadOfGuessing() {
        Analysis a = analyst.analyse(Facts.of("frobnicator wobbled", "frobnicator wobbled"), "no model");
        assertThat(a.analyst()).isEqualTo("offline:none");
        assertThat(a.cause()).startsWith("The lines show no known failure");
        assertThat(a.note()).isEqualTo("no model");
        Diagnosis d = analyst.diagnose(List.of("2025-07-01T10:00:00Z INFO frobnicator started",
                "2025-07-01T10:00:02Z ERROR frobnicator wobbled", "2025-07-01T10:00:03Z INFO frobnicator done"));
        assertThat(d.playbook()).isEqualTo("none");
        assertThat(d.confidence()).isZero();
        assertThat(d.cause()).startsWith("The lines show no known failure");
        assertThat(d.firstSignal()).as("where to start reading").isEqualTo("2025-07-01T10:00:02Z ERROR frobnicator wobbled");
    }

    @Test
    void boundaryCasesFollowTheTaxonomyNotTheLoudestWord() {
        // the JVM's own heap is the application's, even inside a Kafka consumer; a kernel or container kill is the host's
        assertThat(analyst.diagnose(List.of("ERROR [consumer-0] kafka consumer aggregation failed",
                "java.lang.OutOfMemoryError: Java heap space")).domain()).isEqualTo("application");
        assertThat(analyst.diagnose(List.of("Warning BackOff pod/api Back-off restarting failed container",
                "      Reason:       OOMKilled", "      Exit Code:    137")).domain()).isEqualTo("infrastructure");
        // an expired certificate is security even when it surfaces as a failing call; clock skew is the host's
        assertThat(analyst.diagnose(List.of("ERROR I/O error on GET request: Connection reset",
                "Caused by: java.security.cert.CertificateExpiredException: NotAfter: Sat May 31 23:59:59 UTC 2025")).domain())
                .isEqualTo("security");
        assertThat(analyst.diagnose(List.of("ERROR upload failed: An error occurred (RequestTimeTooSkewed) when calling PutObject",
                "WARN reporting-api rejected token: The token is not yet valid (iat)")).domain()).isEqualTo("infrastructure");
        // a login failure of a person is security, the application's own database user is the database's
        assertThat(analyst.diagnose(List.of("WARN auth: login failed for user=admin ip=203.0.113.9",
                "WARN auth: login failed for user=root ip=203.0.113.9")).domain()).isEqualTo("security");
        assertThat(analyst.diagnose(List.of("FATAL:  password authentication failed for user \"billing_svc\"")).domain())
                .isEqualTo("database");
    }

    @Test
    void aDiagnosisCitesOnlyWhatIsInTheLinesAndSaysHowSureItIs() {
        List<String> lines = List.of("2025-02-11 08:02:12.001 UTC [411] LOG:  checkpoint complete",
                "2025-02-11 08:02:13.404 UTC [77121] shop@shop_prod FATAL:  remaining connection slots are reserved for non-replication superuser connections",
                "2025-02-11 08:02:13.911 UTC [77125] shop@shop_prod FATAL:  sorry, too many clients already");
        Diagnosis d = analyst.diagnose(lines);
        assertThat(d.domain()).isEqualTo("database");
        assertThat(d.playbook()).isEqualTo("db-too-many-connections");
        assertThat(d.severity()).isEqualTo("critical");
        assertThat(d.confidence()).isGreaterThan(0.8).isLessThanOrEqualTo(1.0);
        assertThat(d.claims()).isEqualTo(2);
        assertThat(d.grounded()).isEqualTo(d.claims());
        assertThat(d.summary()).startsWith("database: ").contains("2 of 3 lines are errors or part of one");
        assertThat(d.actions()).isNotEmpty();
    }

    @Test
    void theLoudSymptomThatCameSecondIsRankedBelowTheCauseThatCameFirst() {
        List<String> lines = List.of(
                "2025-07-01T10:00:00Z INFO orders: reservation batch started",
                "2025-07-01T10:00:01Z ERROR orders: pq: deadlock detected",
                "2025-07-01T10:00:05Z ERROR cart: call to orders failed: read ECONNRESET",
                "2025-07-01T10:00:06Z ERROR cart: call to orders failed: read ECONNRESET",
                "2025-07-01T10:00:07Z ERROR cart: call to orders failed: Connection reset by peer");
        Diagnosis d = analyst.diagnose(lines);
        assertThat(d.domain()).isEqualTo("database");
        assertThat(d.firstSignal()).isEqualTo(lines.get(1));
        assertThat(d.hypotheses()).extracting(Hypothesis::domain).startsWith("database", "network");
        Hypothesis symptom = d.hypotheses().get(1);
        assertThat(symptom.evidenceFor()).singleElement().asString().contains("ECONNRESET");
        assertThat(symptom.evidenceAgainst()).anySatisfy(e -> assertThat(e).startsWith("less evidence"))
                .anySatisfy(e -> assertThat(e).contains("comes after the first abnormal line (line 2)"));
        assertThat(d.hypotheses().get(0).evidenceAgainst()).singleElement().asString().startsWith("network also fits: ");
        assertThat(d.hypotheses().get(0).share() + symptom.share()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.011));
    }

    @Test
    void evenOneClearExplanationIsWeighedAgainstAnother() {
        Diagnosis d = analyst.diagnose(List.of("2025-07-01T10:00:00Z ERROR disk: No space left on device"));
        assertThat(d.hypotheses()).hasSize(2);
        assertThat(d.hypotheses().get(1).domain()).isEqualTo("other");
        assertThat(d.hypotheses().get(1).evidenceAgainst()).containsExactly("no line matches any other known failure");
        Analysis a = analyst.analyse(Facts.of("No space left on device", "ERROR write failed: No space left on device"), "");
        assertThat(new ReportRenderer(Redactor.standard()).render(Facts.of("x", "y"), a)).contains("## Hypotheses weighed", "- **infrastructure** (100% of the evidence)",
                "- **other** (0% of the evidence)", "  - against: no line matches any other known failure");
    }

    /**
     * Cases we wrote after the rules, with technologies the public set leaves out (MySQL, MongoDB,
     * Cassandra, Kafka, Go, Node.js, HAProxy, Envoy, gRPC): a check that the rules are about
     * concepts, not a blind score.
     */
    @Test
    void casesFromTechnologiesThePublicSetLeavesOutAreStillRight() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("held-out-cases.jsonl"), StandardCharsets.UTF_8))) {
            String row;
            while ((row = in.readLine()) != null) {
                JsonNode c = mapper.readTree(row);
                List<String> lines = new ArrayList<>();
                c.get("lines").forEach(l -> lines.add(l.asText()));
                cases++;
                String got = analyst.diagnose(lines).domain();
                if (!got.equals(c.get("domain").asText())) {
                    wrong.add(c.get("id").asText() + " " + c.get("domain").asText() + " → " + got);
                }
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(30);
        assertThat(wrong).as("misdiagnosed").hasSizeLessThanOrEqualTo(cases / 10);
    }
}
