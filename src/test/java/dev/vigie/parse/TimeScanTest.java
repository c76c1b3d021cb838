package dev.vigie.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import java.time.Clock;
import java.time.Instant;
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
    void wordsOnlyGuideALineThatWritesNoLevel() {
        LogEvent failed = parse("2025-03-14 09:30:15 worker-3 connection to db-1 failed, retrying");
        assertThat(failed.level()).as("words never make an error by themselves").isEqualTo(Level.WARN);
        assertThat(failed.fields()).containsEntry("level_inferred", "true");
        assertThat(parse("2025-03-14 09:30:15 worker-3 all checks passed").level()).isEqualTo(Level.INFO);
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
