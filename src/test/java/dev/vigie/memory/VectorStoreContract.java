package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every vector store must do, run against each backend: the same records, queries and
 * expectations. Vectors here are made by hand, so the expected order is known exactly.
 */
abstract class VectorStoreContract {
    static final int DIMENSIONS = 8;
    static final String[] SERVICES = {"api", "billing", "postgresql"};
    static final String[] DOMAINS = {"database", "network", "application"};

    VectorStore store;

    /** A new, empty store. */
    abstract VectorStore open() throws Exception;

    /** The same store again, as after a restart (the one given is closed first). */
    abstract VectorStore reopen(VectorStore closed) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static float[] axis(int i, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[DIMENSIONS];
        for (int k = 0; k < DIMENSIONS; k++) {
            v[k] = (float) (r.nextDouble() * noise);
        }
        v[i] += 1;
        return v;
    }

    static MemoryRecord incident(String id, String text, String service, String domain, long time) {
        return new MemoryRecord(MemoryRecord.idOf(MemoryRecord.Kind.INCIDENT, id), MemoryRecord.Kind.INCIDENT, text, service,
                domain, time, Map.of("cause", text, "plan", "P1 one\nP2 two"));
    }

    /** Whether a record passes a query's filters: the one definition every backend is held to. */
    static boolean admits(MemoryQuery q, MemoryRecord r) {
        return q.kinds().contains(r.kind()) && (q.service() == null || q.service().isEmpty() || q.service().equals(r.service()))
                && (q.domain() == null || q.domain().isEmpty() || q.domain().equals(r.domain())) && r.timeMs() >= q.fromMs()
                && r.timeMs() <= q.toMs();
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            ab += a[k] * b[k];
            aa += a[k] * a[k];
            bb += b[k] * b[k];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** 60 records over 3 services, 3 domains, 2 kinds and an hour each, their vectors near one of 8 axes. */
    List<VectorStore.Entry> corpus() {
        List<VectorStore.Entry> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            MemoryRecord.Kind kind = i % 5 == 0 ? MemoryRecord.Kind.TEMPLATE : MemoryRecord.Kind.INCIDENT;
            String id = MemoryRecord.idOf(kind, "R" + i);
            MemoryRecord r = new MemoryRecord(id, kind, "record " + i + " word" + (i % 7) + " in " + DOMAINS[i % 3],
                    SERVICES[i % 3], DOMAINS[(i / 3) % 3], i * 3_600_000L, Map.of("n", Integer.toString(i)));
            out.add(new VectorStore.Entry(r, axis(i % DIMENSIONS, 0.3, i)));
        }
        return out;
    }

    @Test
    void aNewStoreIsEmptyAndHasNoState() {
        assertThat(store.count()).isZero();
        assertThat(store.state()).isEmpty();
        assertThat(store.search(MemoryQuery.of("anything", axis(0, 0, 1), 5))).isEmpty();
    }

    @Test
    void byMeaningTheNearestComeFirstWithTheirCosine() {
        List<VectorStore.Entry> all = corpus();
        store.upsert(all);
        store.commit(Map.of("model", "test"));
        float[] query = axis(3, 0.3, 999);
        List<MemoryHit> hits = store.search(MemoryQuery.of(null, query, 5));
        List<VectorStore.Entry> expected = all.stream()
                .sorted(Comparator.comparingDouble((VectorStore.Entry e) -> -cosine(e.vector(), query))).limit(5).toList();
        assertThat(hits).extracting(h -> h.record().id()).containsExactlyElementsOf(expected.stream().map(e -> e.record().id()).toList());
        for (int k = 0; k < hits.size(); k++) {
            assertThat(hits.get(k).similarity()).isCloseTo(cosine(expected.get(k).vector(), query), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void byWordsTheRecordsHoldingThemAreFoundAccentsAndCaseAside() {
        store.upsert(List.of(
                new VectorStore.Entry(incident("INC-1", "HikariPool-1 connection is not available, request timed out", "api", "database", 1), axis(0, 0, 1)),
                new VectorStore.Entry(incident("INC-2", "Le réseau est tombé: délai dépassé vers la passerelle", "api", "network", 2), axis(1, 0, 2)),
                new VectorStore.Entry(incident("INC-3", "disk full on /var", "billing", "infrastructure", 3), axis(2, 0, 3))));
        store.commit(Map.of());
        assertThat(store.search(MemoryQuery.of("hikaripool", null, 5))).extracting(h -> h.record().ref()).containsExactly("INC-1");
        assertThat(store.search(MemoryQuery.of("reseau delai", null, 5))).extracting(h -> h.record().ref()).containsExactly("INC-2");
        assertThat(store.search(MemoryQuery.of("the and of", null, 5))).as("only common words").isEmpty();
        assertThat(store.search(MemoryQuery.of("HikariPool", null, 5)).get(0).similarity()).isNaN();
        assertThat(store.search(MemoryQuery.of("HikariPool", axis(1, 0, 2), 3)))
                .as("found by words, or by meaning only").extracting(h -> h.record().ref() + " " + h.byWords())
                .containsExactlyInAnyOrder("INC-1 true", "INC-2 false", "INC-3 false");
    }

    @Test
    void bothWaysTheRecordFoundByBothComesFirst() {
        store.upsert(List.of(
                new VectorStore.Entry(incident("INC-1", "pool exhausted", "api", "database", 1), axis(0, 0, 1)),
                new VectorStore.Entry(incident("INC-2", "connection refused", "api", "network", 2), axis(0, 0.1, 2)),
                new VectorStore.Entry(incident("INC-3", "connection pool exhausted", "api", "database", 3), axis(0, 0.2, 3))));
        store.commit(Map.of());
        List<MemoryHit> hits = store.search(MemoryQuery.of("exhausted", axis(0, 0.2, 3), 3));
        assertThat(hits.get(0).record().ref()).isEqualTo("INC-3"); // nearest by meaning and among the word's
        assertThat(hits).extracting(h -> h.record().ref()).containsExactlyInAnyOrder("INC-1", "INC-2", "INC-3");
    }

    @Test
    void everyFilterKeepsExactlyTheRecordsItAdmits() {
        List<VectorStore.Entry> all = corpus();
        store.upsert(all);
        store.commit(Map.of());
        float[] query = axis(5, 0.3, 7);
        List<MemoryQuery> queries = List.of(
                MemoryQuery.of("word3", query, 100).kinds(MemoryRecord.Kind.TEMPLATE),
                MemoryQuery.of("word3", query, 100).kinds(MemoryRecord.Kind.INCIDENT).service("billing"),
                MemoryQuery.of(null, query, 100).domain("network"),
                MemoryQuery.of("record", null, 100).between(10 * 3_600_000L, 20 * 3_600_000L),
                MemoryQuery.of("record", query, 100).service("api").domain("database").between(0, 30 * 3_600_000L));
        for (MemoryQuery q : queries) {
            List<String> expected = all.stream().map(VectorStore.Entry::record).filter(r -> admits(q, r))
                    .filter(r -> q.vector() != null || r.text().contains("record")).map(MemoryRecord::id).sorted().toList();
            assertThat(store.search(q)).as(q.toString()).extracting(h -> h.record().id()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aRecordIsReplacedByItsIdAndDeleted() {
        store.upsert(List.of(new VectorStore.Entry(incident("INC-1", "first words", "api", "database", 1), axis(0, 0, 1))));
        store.commit(Map.of());
        store.upsert(List.of(new VectorStore.Entry(incident("INC-1", "second words", "billing", "network", 2), axis(1, 0, 1))));
        store.commit(Map.of());
        assertThat(store.count()).isEqualTo(1);
        MemoryHit hit = store.search(MemoryQuery.of("second", null, 5)).get(0);
        assertThat(hit.record()).isEqualTo(incident("INC-1", "second words", "billing", "network", 2));
        assertThat(store.search(MemoryQuery.of("first", null, 5))).isEmpty();
        store.delete(List.of(hit.record().id(), "incident:INC-none"));
        store.commit(Map.of());
        assertThat(store.count()).isZero();
    }

    @Test
    void recordsAndStateOutliveARestartAndAClearRemovesBoth() throws Exception {
        store.upsert(corpus());
        store.commit(Map.of("model", "m1", "learned", "42"));
        List<MemoryHit> before = store.search(MemoryQuery.of("word2", axis(2, 0.3, 5), 10));
        store = reopen(store);
        assertThat(store.count()).isEqualTo(60);
        assertThat(store.state()).containsEntry("model", "m1").containsEntry("learned", "42");
        assertThat(store.search(MemoryQuery.of("word2", axis(2, 0.3, 5), 10))).isEqualTo(before);
        store.clear();
        assertThat(store.count()).isZero();
        assertThat(store.state()).isEmpty();
        store = reopen(store);
        assertThat(store.count()).isZero();
        assertThat(store.state()).isEmpty();
    }

    @Test
    void theSameSearchGivesTheSameAnswer() {
        store.upsert(corpus());
        store.commit(Map.of());
        MemoryQuery q = MemoryQuery.of("record word1 database", axis(4, 0.3, 11), 20);
        assertThat(store.search(q)).isEqualTo(store.search(q));
    }
}
