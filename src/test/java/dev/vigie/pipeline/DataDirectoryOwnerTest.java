package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.TestSettings;
import dev.vigie.config.Settings;
import dev.vigie.store.DataDirectoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One engine per data directory; the cross-process case is in RunCommandTest. */
class DataDirectoryOwnerTest {
    @Test
    void aSecondEngineIsToldWhoHasTheDirectoryAndGetsItOnceItIsFree(@TempDir Path dir) throws Exception {
        Settings settings = TestSettings.in(dir);
        try (Engine first = Engine.open(settings, Clock.systemUTC(), "vigie run")) {
            assertThat(Files.readString(dir.resolve(DataDirectoryLock.FILE_NAME)))
                    .startsWith("process " + ProcessHandle.current().pid() + " (vigie run, since ");
            assertThatThrownBy(() -> Engine.open(settings, Clock.systemUTC(), "vigie ingest --once"))
                    .isInstanceOf(DataDirectoryLock.InUse.class)
                    .hasMessageStartingWith("the data directory " + dir + " is in use by process " + ProcessHandle.current().pid()
                            + " (vigie run, since ")
                    .hasMessageEndingWith("; stop it, or give another --data-dir");
        }
        try (Engine again = Engine.open(settings, Clock.systemUTC(), "vigie ingest --once")) {
            assertThat(again.store().count("log_events")).isZero();
        }
        assertThat(Files.readString(dir.resolve(DataDirectoryLock.FILE_NAME))).as("nobody holds it now").isEmpty();
    }
}
