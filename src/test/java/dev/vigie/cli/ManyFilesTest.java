package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five thousand files under a descriptor limit of 1,024, in a process of its own: every file is
 * read, and a second run reads only what was appended (files beyond the limit used to be skipped,
 * and later runs never got further).
 */
class ManyFilesTest {
    private static final int FILES = 5_000;

    @Test
    void fiveThousandFilesAreReadWholeUnderALowDescriptorLimit(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to set the descriptor limit");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(logs.resolve("app-" + i + ".log"),
                    "2026-03-14T08:00:00Z INFO worker " + i + " started\n2026-03-14T08:00:01Z INFO worker " + i + " ready\n");
        }
        assertThat(ingest(dir, logs)).contains("\"lines\":" + 2 * FILES);

        for (int i = 0; i < FILES; i += 10) {
            Files.writeString(logs.resolve("app-" + i + ".log"), "2026-03-14T08:00:02Z INFO worker " + i + " busy\n",
                    StandardOpenOption.APPEND);
        }
        assertThat(ingest(dir, logs)).contains("\"lines\":" + FILES / 10);
    }

    private static String ingest(Path dir, Path logs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -n 1024 && exec \"$0\" -Xmx256m -cp \"$1\" dev.vigie.Vigie ingest \"$2\" --once --json "
                + "--data-dir \"$3\" --ollama-url http://127.0.0.1:9";
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder("/bin/sh", "-c", command, java, System.getProperty("java.class.path"), logs.toString(),
                dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("finishes").isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
