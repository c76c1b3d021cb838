package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.bench.SyntheticIncidents;
import dev.vigie.event.StoredIncident;
import dev.vigie.incident.FactsJson;
import dev.vigie.privacy.Redactor;
import dev.vigie.report.IncidentReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Among 1,000 synthetic incidents of twelve kinds ({@link SyntheticIncidents}: two causes in each of
 * the six domains, each written several ways, on any of eight services, with their own numbers,
 * hosts and times), each one's nearest neighbours by the real embedding model share its domain and cause.
 */
class SimilarIncidentsTest {
    @TempDir
    Path dir;

    @Test
    void eachIncidentFindsOthersOfItsDomainAndCause() throws Exception {
        MemoryDocuments documents = new MemoryDocuments(null, Redactor.standard());
        List<MemoryRecord> records = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        List<SyntheticIncidents.Incident> all = SyntheticIncidents.generate(1_000, 0, 17);
        for (int i = 0; i < all.size(); i++) {
            IncidentReport r = all.get(i).report();
            StoredIncident incident = new StoredIncident(r.incidentId(), r.service(), r.start(), r.end(), r.severity(), r.status(),
                    r.domain(), r.cause(), r.analyst(), null, List.of("error_events"), List.of());
            // half analysed, with their plan; half not yet, as a new incident is when it is compared
            records.add(documents.incident(incident, FactsJson.read(r.factsJson()), i % 2 == 0 ? r.plan() : List.of(), List.of()));
            causes.add(all.get(i).kindOf().domain() + "/" + all.get(i).kindOf().cause());
        }
        Embedder embedder = MemoryTest.MINI_LM;
        // embedded as the memory embeds them: their gist
        List<float[]> vectors = embedder.embedAll(records.stream().map(r -> Memory.gist(r.text())).toList());
        int right = 0;
        int asked = 0;
        try (VectorStore store = new LuceneVectorStore(dir.resolve("memory"))) {
            List<VectorStore.Entry> entries = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                entries.add(new VectorStore.Entry(records.get(i), vectors.get(i)));
            }
            store.upsert(entries);
            store.commit(Map.of());
            for (int i = 0; i < records.size(); i++) {
                for (MemoryHit h : store.search(MemoryQuery.of(null, vectors.get(i), 6))) {
                    if (!h.record().id().equals(records.get(i).id())) {
                        asked++;
                        int j = Integer.parseInt(h.record().ref().substring(4), 16);
                        right += causes.get(j).equals(causes.get(i)) ? 1 : 0;
                    }
                }
            }
        }
        double precision = (double) right / asked;
        System.out.printf("similar incidents: %d of %d nearest neighbours share the domain and cause (%.4f)%n", right, asked, precision);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
    }
}
