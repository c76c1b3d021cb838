package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Feedback;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.Severity;
import dev.vigie.event.SimilarIncident;
import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import dev.vigie.privacy.Redactor;
import dev.vigie.report.IncidentReport;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import dev.vigie.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory over a real database, a real index on disk and the real embedding model. */
class MemoryTest {
    static final Embedder MINI_LM = new MiniLmEmbedder();
    static final Instant T0 = Instant.parse("2026-03-14T08:20:00Z");

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() throws IOException {
        store = new Store(dir.resolve("vigie.db"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    Memory memory(Embedder embedder) throws IOException {
        return Memory.lucene(dir.resolve("memory"), store, embedder, Redactor.standard());
    }

    static IncidentReport report(String id, String service, int minutes, String domain, String cause, String template,
                                 List<String> plan) {
        Instant start = T0.plusSeconds(60L * minutes);
        FactsReport facts = new FactsReport(id, service, start, start.plusSeconds(300), Severity.CRITICAL, IncidentStatus.RESOLVED,
                start + " error_events: " + service + " logged 24 ERROR events in 1 min",
                List.of(new FactsReport.AnomalyFact("error_events", null, start, start.plusSeconds(59), Severity.CRITICAL, 1.0,
                        service + " logged 24 ERROR events in 1 min", Map.of("count", 24))),
                List.of(new FactsReport.TemplateFact("t-" + id, template, 0, 24)), List.of(template), List.of(), false);
        return new IncidentReport(id, service, start, start.plusSeconds(300), Severity.CRITICAL, IncidentStatus.RESOLVED,
                FactsJson.write(facts), domain, cause, "offline:test", "reports/" + id + ".md", plan);
    }

    void storeThree() {
        StoreBatch b = new StoreBatch();
        b.report(report("INC-db", "api", 0, "database", "the connection pool is exhausted: HikariPool-1 waits 30 s for a connection",
                "HikariPool-1 - Connection is not available, request timed out after <*>ms", List.of("find what holds the connections", "raise the pool size")));
        b.report(report("INC-net", "checkout", 60, "network", "the payment gateway cannot be reached: connect timed out",
                "connect timed out to <*>:443", List.of("check the route to the gateway")));
        b.report(report("INC-disk", "billing", 120, "infrastructure", "the disk /var is full: no space left on device",
                "write failed: No space left on device", List.of("free /var/log")));
        b.template(new Template("t1", "HikariPool-1 - Connection is not available, request timed out after <*>ms", 24, T0, T0,
                "HikariPool-1 - Connection is not available, request timed out after 30000ms"));
        store.write(b);
    }

    @Test
    void whatIsStoredIsLearnedAndFoundByMeaningAndByWords() throws IOException {
        storeThree();
        try (Memory memory = memory(MINI_LM)) {
            assertThat(memory.catchUp()).isEqualTo(4);
            assertThat(memory.size()).isEqualTo(4);
            assertThat(store.memoryChanges(10)).as("the outbox is emptied").isEmpty();
            assertThat(memory.similarIncidents("database connections run out, requests wait for the pool", null, 3))
                    .first().extracting(SimilarIncident::id, SimilarIncident::domain).containsExactly("INC-db", "database");
            assertThat(memory.similarIncidents("le disque est plein", null, 1)).extracting(SimilarIncident::id).containsExactly("INC-disk");
            SimilarIncident db = memory.similarIncidents("HikariPool", "INC-net", 1).get(0);
            assertThat(db.plan()).containsExactly("find what holds the connections", "raise the pool size");
            assertThat(memory.catchUp()).as("nothing new").isZero();
        }
    }

    @Test
    void aChangeAFeedbackAndARemovalReachTheMemory() throws IOException {
        storeThree();
        try (Memory memory = memory(MINI_LM)) {
            memory.catchUp();
            StoreBatch b = new StoreBatch();
            b.feedback(new Feedback("INC-db", Instant.now(), true, "", "P1"));
            b.feedback(new Feedback("INC-db", Instant.now(), false, "did nothing", "P2"));
            b.absorbedIncident("INC-net");
            store.write(b);
            assertThat(memory.catchUp()).isEqualTo(2);
            SimilarIncident db = memory.similarIncidents("HikariPool pool exhausted", null, 1).get(0);
            assertThat(db.helped()).containsExactly("P1");
            assertThat(db.notHelped()).containsExactly("P2");
            assertThat(memory.size()).isEqualTo(3);
            assertThat(memory.similarIncidents("gateway connect timed out", null, 5)).extracting(SimilarIncident::id).doesNotContain("INC-net");
        }
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabaseWithNothingLost() throws IOException {
        storeThree();
        List<SimilarIncident> before;
        try (Memory memory = memory(MINI_LM)) {
            memory.catchUp();
            before = memory.similarIncidents("requests time out", null, 3);
        }
        deleteTree(dir.resolve("memory"));
        try (Memory memory = memory(MINI_LM)) {
            assertThat(memory.size()).isZero();
            assertThat(memory.catchUp()).isEqualTo(4);
            assertThat(memory.similarIncidents("requests time out", null, 3)).isEqualTo(before);
        }
    }

    @Test
    void aCorruptIndexIsRebuiltFromTheDatabase() throws IOException {
        storeThree();
        try (Memory memory = memory(MINI_LM)) {
            memory.catchUp();
        }
        try (Stream<Path> files = Files.list(dir.resolve("memory"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        try (Memory memory = memory(MINI_LM)) {
            assertThat(memory.catchUp()).isEqualTo(4);
            assertThat(memory.size()).isEqualTo(4);
        }
    }

    @Test
    void anotherEmbeddingModelRebuildsTheIndexByItself() throws IOException {
        storeThree();
        try (Memory memory = memory(MINI_LM)) {
            memory.catchUp();
        }
        Embedder other = new Embedder() {
            @Override
            public String model() {
                return "other-model";
            }

            @Override
            public float[] embed(String text) {
                return new float[] {1, text.length(), 3};
            }
        };
        try (Memory memory = memory(other)) {
            assertThat(memory.catchUp()).as("every record again, with the other model's vectors").isEqualTo(4);
            assertThat(memory.describe()).contains("other-model");
            assertThat(memory.catchUp()).isZero();
        }
    }

    @Test
    void secretsAreRedactedBeforeTheyAreEmbeddedOrIndexed() throws IOException {
        StoreBatch b = new StoreBatch();
        b.report(report("INC-secret", "api", 0, "security", "login with password=hunter2secret failed for alice@example.com",
                "login failed for <*>", List.of("rotate the key sk_live_abcdefghijklmnop1234")));
        store.write(b);
        try (Memory memory = memory(MINI_LM)) {
            memory.catchUp();
            MemoryRecord r = memory.search(MemoryQuery.of("login failed", null, 1)).get(0).record();
            assertThat(r.text() + r.fields()).contains("<secret:password>", "<email>")
                    .doesNotContain("hunter2secret", "alice@example.com", "sk_live_abcdefghijklmnop1234");
        }
        try (VectorStore onDisk = new LuceneVectorStore(dir.resolve("memory"))) {
            assertThat(onDisk.search(MemoryQuery.of("hunter2secret alice sk_live_abcdefghijklmnop1234", null, 5))).isEmpty();
        }
    }

    @Test
    void ollamasEmbeddingsAreAnOptionAndSwitchingToThemRebuildsTheMemory() throws Exception {
        storeThree();
        try (Memory memory = memory(MINI_LM)) {
            memory.catchUp();
        }
        try (dev.vigie.FakeOllama ollama = new dev.vigie.FakeOllama("nomic-embed-text:latest");
             Memory memory = memory(new OllamaEmbedder(ollama.url(), "nomic-embed-text"))) {
            assertThat(memory.catchUp()).as("rebuilt with the other model").isEqualTo(4);
            assertThat(memory.describe()).endsWith("ollama:nomic-embed-text");
            assertThat(ollama.embedRequests).isNotEmpty().allSatisfy(r -> assertThat(r.path("model").asText()).isEqualTo("nomic-embed-text"));
            assertThat(memory.similarIncidents("no space left on device", null, 1)).extracting(SimilarIncident::id).containsExactly("INC-disk");
        }
    }

    @Test
    void aQueryEmbeddedOnceServesSeveralSearches() throws IOException {
        storeThree();
        java.util.concurrent.atomic.AtomicInteger embedded = new java.util.concurrent.atomic.AtomicInteger();
        Embedder counting = new Embedder() {
            @Override
            public String model() {
                return MINI_LM.model();
            }

            @Override
            public float[] embed(String text) {
                embedded.incrementAndGet();
                return MINI_LM.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return MINI_LM.embedAll(texts);
            }
        };
        try (Memory memory = memory(counting)) {
            memory.catchUp();
            MemoryQuery like = memory.embedded(MemoryQuery.of("HikariPool connection", null, 3));
            assertThat(memory.similarIncidents(like, null)).extracting(SimilarIncident::id).first().isEqualTo("INC-db");
            assertThat(memory.search(like.kinds(MemoryRecord.Kind.TEMPLATE))).extracting(h -> h.record().ref()).containsExactly("t1");
            assertThat(embedded).hasValue(1);
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
