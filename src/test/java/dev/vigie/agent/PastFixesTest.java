package dev.vigie.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.SimilarIncident;
import java.util.List;
import org.junit.jupiter.api.Test;

class PastFixesTest {
    static SimilarIncident past(String id, List<String> plan, List<String> helped, List<String> notHelped) {
        return new SimilarIncident(id, "api", "database", "pool", "2026-03-01T00:00:00Z", plan, helped, notHelped, 0.9, true);
    }

    @Test
    void whatAnEarlierAnalysisAddedIsNotPartOfTheStep() {
        // INC-2's plan was itself ordered by INC-1's feedback; then people said its first step did not help
        SimilarIncident second = past("INC-2", List.of("Raise the pool (helped in INC-1)", "Kill idle sessions"), List.of(), List.of("P1"));
        SimilarIncident first = past("INC-1", List.of("Kill idle sessions", "Raise the pool"), List.of("P2"), List.of());
        assertThat(PastFixes.reorder(List.of("Kill idle sessions", "Raise the pool"), List.of(second, first)))
                .as("the most similar incident's word comes first: it did not help there")
                .containsExactly("Kill idle sessions", "Raise the pool (did not help in INC-2)");
        assertThat(PastFixes.reorder(List.of("Kill idle sessions", "Raise the pool (helped in INC-0)"), List.of(first)))
                .containsExactly("Raise the pool (helped in INC-1)", "Kill idle sessions");
    }
}
