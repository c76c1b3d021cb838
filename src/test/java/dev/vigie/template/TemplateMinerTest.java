package dev.vigie.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    @Test
    void variablePartsAreMaskedAndLinesGroupByWhatIsLeft() {
        TemplateMiner miner = new TemplateMiner();
        Template a = miner.mine("GET /api/orders/1234 200 in 12 ms", T0);
        Template b = miner.mine("GET /api/orders/98 200 in 7 ms", T0.plusSeconds(5));
        Template c = miner.mine("POST /api/checkout 200 in 12 ms", T0); // POST is a word: another template
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(c.id()).isNotEqualTo(a.id());
        assertThat(b.text()).isEqualTo("GET <*> <*> in <*> ms");
        assertThat(b.count()).isEqualTo(2);
        assertThat(b.firstSeen()).isEqualTo(T0);
        assertThat(b.lastSeen()).isEqualTo(T0.plusSeconds(5));
        assertThat(b.example()).isEqualTo("GET /api/orders/1234 200 in 12 ms");
        assertThat(miner.size()).isEqualTo(2);
    }

    @Test
    void masksUuidsIpsHexAndIds() {
        assertThat(String.join(" ", Masker.tokens("conn 6f1c0d2e-8a3b-4c5d-9e7f-0a1b2c3d4e5f from 10.0.0.5:5432 trace deadbeef01 at 0x7ffe")))
                .isEqualTo("conn <*> from <*> trace <*> at <*>");
    }

    @Test
    void idsAreTheSameInEveryRunAndSurviveARestart() {
        Template first = new TemplateMiner().mine("user 42 logged in", T0);
        TemplateMiner restarted = new TemplateMiner();
        restarted.restore(java.util.List.of(first));
        Template again = restarted.mine("user 7 logged in", T0.plusSeconds(1));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.count()).isEqualTo(2);
        assertThat(new TemplateMiner().mine("user 99 logged in", T0).id()).isEqualTo(first.id());
    }
}
