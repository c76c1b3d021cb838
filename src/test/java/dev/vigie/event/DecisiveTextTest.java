package dev.vigie.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DecisiveTextTest {
    static final List<String> DECISIVE = List.of(
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "fatal error: concurrent map writes",
            "Mar 14 09:50:12 web-1 kernel: [95412.4] Kernel panic - not syncing: Fatal exception",
            "kernel: Out of memory: Killed process 4242 (java) total-vm:8123456kB",
            "kernel: java invoked oom-killer: gfp_mask=0x100cca",
            "kernel: oom-kill:constraint=CONSTRAINT_NONE,task=java,pid=4242",
            "kernel: app[4242]: segfault at 0 ip 000055d1 sp 00007ffd error 4",
            "worker received SIGSEGV", "bus error (SIGBUS) in mmap", "Segmentation fault (core dumped)",
            "child 12 exited abnormally", "systemd[1]: api.service: Main process exited, code=killed, status=9/KILL",
            "worker exited with exit code 137", "job EXITED WITH CODE 1");
    static final List<String> PLAIN = List.of(
            "GET /api/orders 200 12ms", "no panic here", "fatal errors: none", "memory at 80%", "exited with code 0",
            "segfault handler installed", "the core was dumped to disk", "user alert rules loaded",
            "{\"level\":\"info\",\"msg\":\"critical section entered\"}");

    @Test
    void theWordsLookedForFirstChangeNothingThatTheExpressionsFind() {
        Pattern text = Pattern.compile("(?i)^(?:panic: |fatal error: )|(?:^|[^\\w])(?:kernel panic|out of memory: kill(?:ed)? process"
                + "|invoked oom-killer|oom-kill|segfault at |sigsegv|sigbus|core dumped|exited abnormally"
                + "|main process exited, code=(?:killed|dumped)|exited with (?:exit )?code (?:13[4-9]|1[0-2][0-9]|[1-9][0-9]?)\\b)");
        Pattern level = Pattern.compile(
                "\\b(?:FATAL|CRITICAL|CRIT|EMERG|ALERT|PANIC)\\b|\"(?:level|severity)\"\\s*:\\s*\"(?i:fatal|critical|emerg|alert|panic)\"");
        for (String line : DECISIVE) {
            assertThat(DecisiveText.says(line)).as(line).isTrue();
        }
        for (String line : PLAIN) {
            assertThat(DecisiveText.says(line)).as(line).isFalse();
        }
        List<String> levels = List.of("2025-03-14 FATAL boom", "[CRIT] disk", "<EMERG> x", "ALERT: y", "PANIC z",
                "{\"level\":\"Fatal\",\"msg\":\"x\"}", "{\"severity\" : \"critical\"}", "Fatal but not a level word", "fatalistic");
        for (String line : concat(DECISIVE, PLAIN, levels)) {
            assertThat(DecisiveText.says(line)).as(line).isEqualTo(text.matcher(line).find());
            assertThat(DecisiveText.mayBe(line)).as(line).isEqualTo(level.matcher(line).find() || text.matcher(line).find());
        }
        assertThat(DecisiveText.mayBe("{\"level\":\"Fatal\",\"msg\":\"x\"}")).isTrue();
        assertThat(DecisiveText.mayBe("Fatal but not a level word")).isFalse();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
