package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Anomaly;
import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A decisive line is an anomaly on the line itself; a routine one is not; one heard twice is raised once. */
class DecisiveLineCheckTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");

    final List<Anomaly> raised = new ArrayList<>();
    final DecisiveLineCheck check = new DecisiveLineCheck();

    private static LogEvent line(String service, int second, Level level, String text) {
        return new LogEvent(T0.plusSeconds(second), "/l/" + service + ".log", service, level, text.lines().findFirst().orElse(""),
                Map.of(), text, false, null);
    }

    @Test
    void fatalLevelsAndTextsThatSayAHardFailureAreDecisiveOthersAreNot() {
        List<LogEvent> decisive = List.of(
                line("db", 0, Level.FATAL, "could not map anonymous shared memory: Cannot allocate memory"),
                line("worker", 1, Level.INFO, "panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:"),
                line("kernel", 2, Level.INFO, "Out of memory: Killed process 4242 (java) total-vm:8123456kB"),
                line("kernel", 3, Level.INFO, "nginx[812]: segfault at 0 ip 000055d1 sp 00007ffd error 4 in nginx[55d1+f2000]"),
                line("systemd", 4, Level.INFO, "payments.service: Main process exited, code=killed, status=9/KILL"),
                line("docker", 5, Level.INFO, "container orders-7f exited with code 137"));
        List<LogEvent> ordinary = List.of(
                line("api", 6, Level.ERROR, "request failed: upstream timed out"),
                line("api", 7, Level.INFO, "no panic: the retry succeeded"),
                line("ci", 8, Level.INFO, "job exited with code 0"));
        decisive.forEach(e -> check.onEvent(e, raised::add));
        ordinary.forEach(e -> check.onEvent(e, raised::add));
        assertThat(raised).hasSize(decisive.size()).allSatisfy(a -> {
            assertThat(a.check()).isEqualTo("decisive_line");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.start()).isEqualTo(a.end());
        });
        assertThat(raised).extracting(Anomaly::service).containsExactly("db", "worker", "kernel", "kernel", "systemd", "docker");
    }

    @Test
    void aShapeSeenThreeTimesWithinTheHourIsRoutineAndAnotherStillCounts() {
        for (int i = 0; i < 6; i++) {
            check.onEvent(line("db", 60 * i, Level.FATAL, "terminating connection " + (1000 + i) + " due to administrator command"), raised::add);
        }
        check.onEvent(line("db", 400, Level.FATAL, "could not write to file \"pg_wal/xlogtemp\": No space left on device"), raised::add);
        assertThat(raised).hasSize(DecisiveLineCheck.ROUTINE_AFTER + 1);
        // two hours later the shape is news again
        check.onEvent(line("db", 3 * 3600, Level.FATAL, "terminating connection 77 due to administrator command"), raised::add);
        assertThat(raised).hasSize(DecisiveLineCheck.ROUTINE_AFTER + 2);
    }

    @Test
    void aRecordHeardByItsFirstLineThenWholeIsRaisedOnce() {
        check.onEvent(line("worker", 0, Level.INFO, "panic: send on closed channel"), raised::add);
        check.onEvent(line("worker", 0, Level.INFO, "panic: send on closed channel\n\ngoroutine 7 [running]:\nmain.main()"), raised::add);
        assertThat(raised).singleElement().satisfies(a -> assertThat(a.text()).contains("panic: send on closed channel"));
    }
}
