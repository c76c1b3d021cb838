package dev.vigie.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times and levels found where no known format put them: one line per layout, written for this test. */
class TimeScanTest {
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    final LogParser parser = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private LogEvent parse(String line) {
        return parser.parse(new RawRecord("/l/" + Math.abs(line.hashCode()) + ".log", "k", "f", line, 0, 1, 0));
    }

    private void hasTime(String line, String instant) {
        LogEvent e = parse(line);
        assertThat(e.timeInferred()).as(line).isFalse();
        assertThat(e.time()).as(line).isEqualTo(Instant.parse(instant));
    }

    @Test
    void eachLayoutIsFoundWhereverItSitsInTheFirstFields() {
        hasTime("250314 093015 412 INFO store.Flusher: flushed 12 pages", "2025-03-14T09:30:15Z");
        hasTime("- 1741944615 2025.03.14 node-7 RAS KERNEL INFO cache parity error corrected", "2025-03-14T09:30:15Z");
        hasTime("node-7 2025-03-14-09.30.15.250000 RAS APP FATAL ciod: failed to read message prefix", "2025-03-14T09:30:15.250Z");
        hasTime("20250314-9:30:15:250|Step_SPUtils|3001|getTodayTotalDetailSteps", "2025-03-14T09:30:15.250Z");
        hasTime("11-20 09:30:15.250  1702  2395 D PowerManagerService: acquire lock", "2026-11-20T09:30:15.250Z");
        hasTime("[11.20 09:30:15] chrome.exe - proxy.example.com:443 open through proxy", "2026-11-20T09:30:15Z");
        hasTime("app-2025.log: 2025-03-14T09:30:15Z worker stopped", "2025-03-14T09:30:15Z");
        hasTime("ts=1741944615123 msg=\"cache miss\"", "2025-03-14T09:30:15.123Z");
        hasTime("I1120 09:30:15.250123  4242 server.cc:88] serving on :8080", "2026-11-20T09:30:15.250123Z");
    }

    @Test
    void theLevelTheLineWritesWinsOverWordsInItsMessage() {
        assertThat(parse("- 1741944615 2025.03.14 node-7 RAS KERNEL INFO instruction cache parity error corrected").level())
                .isEqualTo(Level.INFO);
        assertThat(parse("- 1741944615 2025.03.14 node-7 RAS KERNEL FATAL data TLB error interrupt").level()).isEqualTo(Level.FATAL);
        assertThat(parse("250314 093015 412 WARN store.Flusher: failed to flush, retrying").level()).isEqualTo(Level.WARN);
        assertThat(parse("11-20 09:30:15.250  1702  2395 E AndroidRuntime: FATAL EXCEPTION: main").level()).isEqualTo(Level.ERROR);
        assertThat(parse("11-20 09:30:15.250  1702  2395 I ActivityManager: Start proc 2201 for failed service").level())
                .isEqualTo(Level.INFO);
        assertThat(parse("17/06/09 20:10:47 INFO Configuration.deprecation: mapred.tip.id is deprecated").level()).isEqualTo(Level.INFO);
        // Windows event levels, written as words
        assertThat(parse("- 1741944615 Source: Microsoft-Windows-Kernel-Power Level: Critical The system has rebooted").level())
                .isEqualTo(Level.FATAL);
        assertThat(parse("- 1741944615 Service Control Manager VERBOSE state change failed").level()).isEqualTo(Level.TRACE);
        LogEvent none = parse("20250314-9:30:15:250|Step_LSC|30002312|onStandStepChanged 3579");
        assertThat(none.fields()).containsEntry("level_inferred", "true");
        // glog: the level letter before the date
        assertThat(parse("E0314 09:30:15.250123  4242 server.cc:88] RPC failed: deadline exceeded").level()).isEqualTo(Level.ERROR);
        assertThat(parse("W0314 09:30:15.250123  4242 server.cc:88] slow RPC").level()).isEqualTo(Level.WARN);
    }

    @Test
    void aColumnThatOnlyLooksLikeTimesIsCheckedOnASampleAndLetGo() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        LogParser fresh = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));
        int inferred = 0;
        for (int i = 0; i < 200; i++) {
            long id = 1_000_000_000L + random.nextLong(3_000_000_000L); // reads as a time from 2001 to 2096
            LogEvent e = fresh.parse(new RawRecord("/l/orders.log", "k", "f", "order " + id + " shipped to depot 7", 0, 1, 0));
            inferred += e.timeInferred() ? 1 : 0;
        }
        assertThat(inferred).as("ids that jump back and forth are not times").isGreaterThanOrEqualTo(180);
        assertThat(fresh.timeLayout("/l/orders.log")).isEqualTo("none found: times inferred");

        LogParser steady = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 200; i++) {
            // a little out of order, as threads write
            long t = 1_741_944_615L + i * 7L - (i % 3 == 0 ? 2 : 0);
            LogEvent e = steady.parse(new RawRecord("/l/steady.log", "k", "f", "order " + t + " shipped to depot 7", 0, 1, 0));
            assertThat(e.timeInferred()).isFalse();
            assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(t));
        }
    }

    @Test
    void aYearLessTimeTakesItsYearFromTheSourceNotFromTheClock(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("messages");
        java.nio.file.Files.writeString(file, "Dec 31 23:59:58 web-1 cron[42]: tick\nJan  1 00:00:03 web-1 cron[42]: tock\n");
        java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.parse("2025-01-01T00:00:05Z")));
        LogParser fresh = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));
        List<Instant> times = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(file)) {
            times.add(fresh.parse(new RawRecord(file.toString(), "k", "f", line, 0, 1, 0)).time());
        }
        assertThat(times).as("read against when the file was last written, then against the line before: across New Year")
                .containsExactly(Instant.parse("2024-12-31T23:59:58Z"), Instant.parse("2025-01-01T00:00:03Z"));
        LogParser logcat = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(logcat.parse(new RawRecord("/l/a.log", "k", "f", "12-31 23:59:59.100  1702  2395 I Tag: a", 0, 1, 0)).time())
                .isEqualTo(Instant.parse("2025-12-31T23:59:59.100Z"));
        assertThat(logcat.parse(new RawRecord("/l/a.log", "k", "f", "01-01 00:00:01.100  1702  2395 I Tag: b", 0, 1, 0)).time())
                .isEqualTo(Instant.parse("2026-01-01T00:00:01.100Z"));
    }

    @Test
    void wordsOnlyGuideALineThatWritesNoLevel() {
        LogEvent failed = parse("2025-03-14 09:30:15 worker-3 connection to db-1 failed, retrying");
        assertThat(failed.level()).as("words never make an error by themselves").isEqualTo(Level.WARN);
        assertThat(failed.fields()).containsEntry("level_inferred", "true");
        assertThat(parse("2025-03-14 09:30:15 worker-3 all checks passed").level()).isEqualTo(Level.INFO);
        LogEvent bracketed = parse("2025-03-14 09:30:15 [ERROR] worker-3: connection refused");
        assertThat(bracketed.level()).isEqualTo(Level.ERROR);
        assertThat(bracketed.message()).isEqualTo("worker-3: connection refused");
        assertThat(bracketed.fields()).doesNotContainKey("level_inferred");
        assertThat(parse("2025-03-14 09:30:15 worker-3 [main] ERROR Pool: exhausted").level()).as("a level further on").isEqualTo(Level.ERROR);
        assertThat(parse("Mar 14 09:30:15 web-1 app[12]: [WARN] disk at 91%, writes failed twice").level())
                .as("in a syslog message").isEqualTo(Level.WARN);
        assertThat(parse("2025-03-14 09:30:15 kernel: Out of memory: Killed process 4242 (java)").level())
                .as("the kernel's own report of a fatal event").isEqualTo(Level.FATAL);
    }

    @Test
    void timesOutsideThisCenturyAreNotBelieved() {
        assertThat(parse("order 1234567890123456 shipped").timeInferred()).isTrue();
        // a compact 99 reads as 2099: more than a year ahead, so not believed
        assertThat(parse("990101 000000 boot").timeInferred()).isTrue();
    }
}
