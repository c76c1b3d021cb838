package dev.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.event.Anomaly;
import dev.vigie.event.EventQuery;
import dev.vigie.event.Incident;
import dev.vigie.event.IncidentStatus;
import dev.vigie.event.LearnedDependency;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.Severity;
import dev.vigie.event.StoredEvent;
import dev.vigie.ingest.Checkpoint;
import dev.vigie.memory.MemoryChange;
import dev.vigie.template.Template;
import dev.vigie.template.TemplateMiner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    private static LogEvent event(String message) {
        return new LogEvent(T0, "/l/a.log", "a", Level.INFO, message, Map.of(), message, false, "t1");
    }

    @Test
    void migratesAFreshFileInWalMode(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("vigie.db");
        try (Store store = new Store(db, Clock.systemUTC())) {
            assertThat(store.schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
        }
        try (Store again = new Store(db, Clock.systemUTC())) {
            assertThat(again.schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void theMigrationKeepsOneCopyOfEachRecordAReplayStoredTwiceAndLeavesOtherSourcesAlone(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("vigie.db");
        String spool = dir.resolve("replay/api.jsonl").toString();
        try (Store store = new Store(db, Clock.systemUTC())) {
            StoreBatch b = new StoreBatch();
            for (int copy = 0; copy < 2; copy++) { // what a second launch did before replays resumed
                for (String m : new String[] {"started", "pool exhausted", "recovered"}) {
                    b.event(new LogEvent(T0, spool, "api", Level.INFO, m, Map.of(), m, false, "t1"));
                }
            }
            b.event(event("same line twice"));
            b.event(event("same line twice")); // a log may say the same thing twice: it is kept
            store.write(b);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            // the file as it was before V7
            c.createStatement().execute("DELETE FROM schema_version WHERE version >= 7");
            for (String t : new String[] {"incident_insert", "incident_update", "incident_delete", "feedback", "template_insert", "template_update"}) {
                c.createStatement().execute("DROP TRIGGER memory_" + t);
            }
            c.createStatement().execute("DROP TABLE memory_outbox");
            c.createStatement().execute("DROP INDEX incidents_by_end");
            c.createStatement().execute("ALTER TABLE incidents DROP COLUMN plan");
            c.createStatement().execute("DROP TABLE feedback");
            c.createStatement().execute("ALTER TABLE checkpoints DROP COLUMN tail");
            c.createStatement().execute("DROP TABLE learned_dependencies");
            c.createStatement().execute("ALTER TABLE source_stats DROP COLUMN time_layout");
        }
        try (Store store = new Store(db, Clock.systemUTC())) {
            assertThat(store.schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
            assertThat(store.events("", 10)).extracting(StoredEvent::message)
                    .containsExactlyInAnyOrder("started", "pool exhausted", "recovered", "same line twice", "same line twice");
        }
    }

    @Test
    void twoOpeningOneNewFileAtOnceMigrateItOnce(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 20; round++) {
            Path db = dir.resolve("vigie-" + round + ".db");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> opened = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    opened.add(pool.submit(() -> {
                        go.await();
                        try (Store store = new Store(db, Clock.systemUTC())) {
                            return store.schemaVersion();
                        }
                    }));
                }
                go.countDown();
                for (Future<Integer> f : opened) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(Database.MIGRATIONS.size());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aSourceErrorIsKeptUntilTheSourceCanBeReadAgain(@TempDir Path dir) throws Exception {
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            StoreBatch waiting = new StoreBatch();
            waiting.sourceError("/l/later.log", "waiting for it to appear");
            store.write(waiting);
            assertThat(store.sources()).singleElement().satisfies(s -> {
                assertThat(s.lastError()).isEqualTo("waiting for it to appear");
                assertThat(s.lastErrorAt()).isNotNull();
            });
            StoreBatch cleared = new StoreBatch();
            cleared.sourceError("/l/later.log", "");
            store.write(cleared);
            assertThat(store.sources()).singleElement().satisfies(s -> {
                assertThat(s.lastError()).isNull();
                assertThat(s.lastErrorAt()).isNull();
            });
        }
    }

    @Test
    void eventsAndTheirCheckpointCommitTogetherOrNotAtAll(@TempDir Path dir) throws Exception {
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            StoreBatch ok = new StoreBatch();
            ok.event(event("HikariPool connection is not available"));
            ok.checkpoint(new Checkpoint("(dev=1,ino=2)", "12:0123abcd", "/l/a.log", 40));
            ok.progress("/l/a.log", new SourceProgress(1, 1, 0, 0, 0, 0));
            store.write(ok);
            assertThat(store.withKey("(dev=1,ino=2)")).singleElement().satisfies(c -> assertThat(c.offset()).isEqualTo(40));
            assertThat(store.count("log_events")).isEqualTo(1);

            StoreBatch broken = new StoreBatch();
            broken.event(event("second"));
            broken.checkpoint(new Checkpoint("(dev=1,ino=2)", "12:0123abcd", "/l/a.log", 80));
            broken.progress("/l/a.log", new SourceProgress(1, 1, 0, 0, 0, 0));
            // a template without text violates NOT NULL: the whole batch must roll back
            broken.template(new Template("bad", null, 1, T0, T0, "x"));
            assertThatThrownBy(() -> store.write(broken)).isInstanceOf(StoreException.class);
            assertThat(store.count("log_events")).isEqualTo(1);
            assertThat(store.withKey("(dev=1,ino=2)")).singleElement().satisfies(c -> assertThat(c.offset()).isEqualTo(40));
            assertThat(store.sources()).singleElement().satisfies(s -> assertThat(s.lines()).isEqualTo(1));
            assertThat(store.withFingerprints(List.of("12:0123abcd", "1:00"))).hasSize(1);
            assertThat(store.fingerprintLengths()).containsExactly(12);
        }
    }

    @Test
    void anIncidentFoldedIntoAnotherGoesAndWhatIsLearnedIsKeptAcrossAReopen(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("vigie.db");
        Anomaly a = new Anomaly("error_events", "api", null, T0, T0.plusSeconds(59), Severity.CRITICAL, 1, "api errors", Map.of());
        Anomaly b = new Anomaly("error_events", "db", null, T0, T0.plusSeconds(59), Severity.CRITICAL, 1, "db errors", Map.of());
        Incident absorbed = new Incident("INC-db", "db", T0, T0.plusSeconds(59), Severity.CRITICAL, IncidentStatus.OPEN, List.of(b));
        try (Store store = new Store(db, Clock.systemUTC())) {
            StoreBatch first = new StoreBatch();
            first.anomaly(a);
            first.anomaly(b);
            first.incident(new Incident("INC-api", "api", T0, T0.plusSeconds(59), Severity.CRITICAL, IncidentStatus.OPEN, List.of(a)));
            first.incident(absorbed);
            store.write(first);
            StoreBatch merged = new StoreBatch();
            merged.incident(new Incident("INC-api", "api", T0, T0.plusSeconds(59), Severity.CRITICAL, IncidentStatus.OPEN,
                    List.of(a, b), List.of("api", "db")));
            merged.absorbedIncident("INC-db");
            merged.learned(new LearnedDependency("api", "db", 1, T0, T0));
            merged.learned(new LearnedDependency("api", "db", 2, T0, T0.plusSeconds(3600)));
            store.write(merged);
        }
        try (Store again = new Store(db, Clock.systemUTC())) {
            assertThat(again.incidents()).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo("INC-api");
                assertThat(i.affected()).containsExactly("db");
            });
            assertThat(again.learnedDependencies()).containsExactly(new LearnedDependency("api", "db", 2, T0, T0.plusSeconds(3600)));
        }
    }

    @Test
    void aCheckpointSupersedesThoseItsContentHadWhenShorterAndNoOther(@TempDir Path dir) throws Exception {
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            StoreBatch first = new StoreBatch();
            first.checkpoint(new Checkpoint("k", "0123abcd", "/l/a.log", 10)); // before fingerprints said their length
            first.checkpoint(new Checkpoint("k", "7:aaaa", "/l/a.log", 7));
            first.checkpoint(new Checkpoint("k", "5:bbbb", "/l/a.log.1", 5)); // rotated away: another path
            store.write(first);
            StoreBatch grown = new StoreBatch();
            grown.checkpoint(new Checkpoint("k", "1024:cccc", "/l/a.log", 2000));
            store.write(grown);
            assertThat(store.withKey("k")).extracting(Checkpoint::fingerprint).containsExactlyInAnyOrder("1024:cccc", "5:bbbb");
            assertThat(store.fingerprintLengths()).contains(1024, 5);
        }
    }

    @Test
    void templatesKeepTheirIdsAsTheyGeneraliseAndAbsorbedOnesPointToTheirSuccessor(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("vigie.db");
        TemplateMiner miner = new TemplateMiner();
        try (Store store = new Store(db, Clock.systemUTC())) {
            for (String user : new String[] {"alice", "bob", "carol", "dave"}) {
                StoreBatch b = new StoreBatch();
                b.template(miner.mine("session opened for user " + user, T0));
                miner.takeMerges().forEach(b::templateMerge);
                store.write(b);
            }
        }
        try (Store reopened = new Store(db, Clock.systemUTC())) {
            assertThat(reopened.templates()).singleElement().satisfies(t -> {
                assertThat(t.text()).isEqualTo("session opened for user <*>");
                assertThat(t.count()).isEqualTo(4);
            });
            assertThat(reopened.count("templates")).as("the absorbed templates' rows stay for their events").isEqualTo(3);
            TemplateMiner restarted = new TemplateMiner();
            restarted.restore(reopened.templates());
            assertThat(restarted.mine("session opened for user frank", T0).id())
                    .isEqualTo(miner.mine("session opened for user erin", T0).id());
        }
    }

    @Test
    void fullTextSearchFollowsTheEventsAndTreatsUserTextAsWords(@TempDir Path dir) throws Exception {
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            StoreBatch b = new StoreBatch();
            b.event(event("HikariPool-1 - Connection is not available"));
            b.event(event("Unable to reach the origin service"));
            store.write(b);
            assertThat(store.events("origin", 10)).isEmpty(); // not indexed yet
            assertThat(store.searchLag()).isEqualTo(2);
            store.indexAll();
            assertThat(store.searchLag()).isZero();
            assertThat(store.events("origin", 10)).extracting(StoredEvent::message).containsExactly("Unable to reach the origin service");
            assertThat(store.events("\"unbalanced AND (", 10)).isEmpty();
            assertThat(store.events("", 10)).hasSize(2);
            assertThat(store.events("hikaripool-1 available", 10)).extracting(StoredEvent::message)
                    .containsExactly("HikariPool-1 - Connection is not available");
        }
    }

    @Test
    void theExplorersQueryNarrowsByEachFilterPagesInOrderAndAnEventKeepsItsWholeRecord(@TempDir Path dir) throws Exception {
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            StoreBatch b = new StoreBatch();
            for (int k = 0; k < 6; k++) {
                boolean api = k % 2 == 0;
                b.event(new LogEvent(T0.plusSeconds(k), api ? "/l/api.log" : "/l/web.log", api ? "api" : "web", k < 2 ? Level.ERROR : Level.INFO,
                        "request " + k + (k == 4 ? " origin refused" : ""), Map.of(), "raw " + k + (k == 0 ? "\n\tat a.B(B.java:1)" : ""), k == 5,
                        k < 3 ? "tpl0000aaaa" : "tpl1111bbbb"));
            }
            store.write(b);
            store.indexAll();
            List<StoredEvent> all = store.events(EventQuery.newest(10));
            assertThat(all).extracting(StoredEvent::message).as("newest first")
                    .containsExactly("request 5", "request 4 origin refused", "request 3", "request 2", "request 1", "request 0");
            assertThat(store.events(new EventQuery(null, "api", java.util.Set.of(), null, null, null, 0, 10)))
                    .extracting(StoredEvent::service).containsOnly("api").hasSize(3);
            assertThat(store.events(new EventQuery(null, null, java.util.Set.of("ERROR"), null, null, null, 0, 10)))
                    .extracting(StoredEvent::message).containsExactly("request 1", "request 0");
            assertThat(store.events(EventQuery.newest(10).withTemplate("tpl0000")))
                    .as("a template's first characters, as the chat cites them").hasSize(3);
            assertThat(store.events(new EventQuery(null, null, java.util.Set.of(), null, T0.plusSeconds(1), T0.plusSeconds(2), 0, 10)))
                    .extracting(StoredEvent::message).containsExactly("request 2", "request 1");
            assertThat(store.events(EventQuery.newest(10).withWords("origin"))).extracting(StoredEvent::message)
                    .containsExactly("request 4 origin refused");
            assertThat(store.events(new EventQuery("origin", "web", java.util.Set.of(), null, null, null, 0, 10))).isEmpty();
            List<StoredEvent> page1 = store.events(EventQuery.newest(4));
            List<StoredEvent> page2 = store.events(new EventQuery(null, null, java.util.Set.of(), null, null, null, page1.get(3).id(), 4));
            assertThat(page2).extracting(StoredEvent::message).as("the next page goes on where the first stopped")
                    .containsExactly("request 1", "request 0");

            var first = store.eventDetail(all.get(5).id()).orElseThrow();
            assertThat(first.raw()).isEqualTo("raw 0\n\tat a.B(B.java:1)");
            assertThat(first.source()).isEqualTo("/l/api.log");
            assertThat(store.eventDetail(all.get(0).id()).orElseThrow().timeInferred()).isTrue();
            assertThat(store.eventDetail(999_999)).isEmpty();
        }
    }

    @Test
    void upgradingKeepsStoredEvents(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("vigie.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            var s = c.createStatement();
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            for (int v = 1; v <= 4; v++) {
                String name = Database.MIGRATIONS.get(v - 1);
                try (var in = Database.class.getResourceAsStream("migrations/" + name)) {
                    for (String sql : Database.statements(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                        s.execute(sql);
                    }
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + name + "')");
            }
            s.execute("INSERT INTO log_events (time_ms, source, service, level, message, notes, raw, time_inferred) "
                    + "VALUES (1, '/l/a.log', 'a', 'ERROR', 'kept', '{}', 'raw kept', 0)");
        }
        try (Store store = new Store(db, Clock.systemUTC())) {
            assertThat(store.schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
            assertThat(store.events("", 10)).extracting(StoredEvent::message).containsExactly("kept");
            StoreBatch b = new StoreBatch();
            b.event(event("after the upgrade"));
            store.write(b);
            assertThat(store.count("log_events")).isEqualTo(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(DISTINCT source_id), min(n.path) FROM log_events e JOIN source_names n ON n.id = e.source_id")) {
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("/l/a.log");
        }
    }

    @Test
    void theMemorysOutboxHoldsTheNewestChangeOfEachItemAndNoCountUpdates(@TempDir Path dir) throws Exception {
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            StoreBatch b = new StoreBatch();
            b.template(new Template("t1", "pool exhausted after <*> ms", 1, T0, T0, "pool exhausted after 30 ms"));
            b.template(new Template("t2", "started", 1, T0, T0, "started"));
            store.write(b);
            assertThat(store.memoryChanges(10)).extracting(MemoryChange::ref).containsExactly("t1", "t2");
            store.memoryLearned(store.newestMemoryChange());
            assertThat(store.memoryChanges(10)).isEmpty();

            b = new StoreBatch();
            b.template(new Template("t1", "pool exhausted after <*> ms", 9, T0, T0.plusSeconds(60), "pool exhausted after 30 ms"));
            store.write(b);
            assertThat(store.memoryChanges(10)).as("a count is no news").isEmpty();

            b = new StoreBatch();
            b.template(new Template("t2", "started in <*> s", 2, T0, T0, "started"));
            store.write(b);
            b = new StoreBatch();
            b.template(new Template("t1", "pool <*> after <*> ms", 10, T0, T0, "pool exhausted after 30 ms"));
            store.write(b);
            b = new StoreBatch();
            b.template(new Template("t2", "started in <*> <*>", 3, T0, T0, "started"));
            store.write(b);
            List<MemoryChange> changes = store.memoryChanges(10);
            assertThat(changes).extracting(MemoryChange::ref).as("one row each, the newest change last").containsExactly("t1", "t2");
            assertThat(changes.get(0).seq()).isLessThan(changes.get(1).seq());
        }
    }
}
