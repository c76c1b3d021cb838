package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfflineAnalystTest {
    private final OfflineAnalyst analyst = new OfflineAnalyst();

    @Test
    void eachPlaybookIsChosenByItsEvidence() {
        assertThat(analyst.analyse(Facts.of("sorry, too many clients already", "FATAL: sorry, too many clients already"), "").domain())
                .isEqualTo("database");
        assertThat(analyst.analyse(Facts.of("Unable to reach the origin service. error=\"dial tcp <*>: connect: connection refused\"",
                "ERR Unable to reach the origin service"), "").domain()).isEqualTo("network");
        assertThat(analyst.analyse(Facts.of("Out of memory: Killed process <*> (java)", "kernel: Out of memory"), "").domain())
                .isEqualTo("infrastructure");
        assertThat(analyst.analyse(Facts.of("POST /api/checkout HTTP/<*> <*>",
                "1.2.3.4 - - [14/Mar/2026:10:30:00 +0000] \"POST /api/checkout HTTP/1.1\" 502 157"), "").domain())
                .isEqualTo("application");
    }

    @Test
    void withoutAMatchingSignatureItSaysSoInsteadOfGuessing() {
        Analysis a = analyst.analyse(Facts.of("frobnicator wobbled", "frobnicator wobbled"), "no model");
        assertThat(a.analyst()).isEqualTo("offline:none");
        assertThat(a.cause()).startsWith("No known signature matches");
        assertThat(a.note()).isEqualTo("no model");
    }
}
