package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.Cli;
import dev.vigie.event.Plural;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bad argument or a missing input is one clear line on standard error and a non-zero exit, never a stack trace. */
class CommandErrorsTest {
    @ParameterizedTest
    @ValueSource(strings = {"diagnose MISSING --offline --data-dir DATA", "templates MISSING", "metrics MISSING", "score MISSING",
        "redact --score MISSING --data-dir DATA", "simulate --script MISSING", "diagnose --score MISSING",
        "ingest MISSING --once --data-dir DATA"})
    void aMissingInputIsNamedInOneLine(String command, @TempDir Path dir) {
        Path missing = dir.resolve("missing.log");
        String[] args = java.util.Arrays.stream(command.split(" "))
                .map(a -> a.equals("MISSING") ? missing.toString() : a.equals("DATA") ? dir.resolve("data").toString() : a)
                .toArray(String[]::new);
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigie: no such file or directory: " + missing + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadArgumentSaysWhereToLook() {
        Cli.Result r = Cli.run("bench", "score", "--runs", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "vigie: Invalid value for option '--runs': 'x' is not an int (see 'vigie bench score --help')");
    }

    @Test
    void aBadSettingIsOneLine(@TempDir Path dir) {
        Cli.Result r = Cli.run("incidents", "--data-dir", dir.toString(), "--replay-speed", "0.5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().isEqualTo("vigie: the command line: replay.speed is a speed from 1 (real time) up, or max; got '0.5'");
    }

    @Test
    void aFileWhereADirectoryIsWantedIsOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        Cli.Result r = Cli.run("diagnose", dir.toString(), "--offline");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().lines()).singleElement().asString().startsWith("vigie: ");
        assertThat(file).exists();
    }

    @Test
    void aReadingCommandOnADirectoryWithNothingStoredSaysSoAndCreatesNothing(@TempDir Path dir) {
        Path typo = dir.resolve("typo");
        for (String command : new String[] {"incidents", "sources"}) {
            Cli.Result r = Cli.run(command, "--data-dir", typo.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("vigie: nothing is stored in " + typo + " yet: give --data-dir, or let Vigie read some logs "
                    + "there first" + System.lineSeparator());
        }
        assertThat(typo).doesNotExist();
    }

    @Test
    void readOnceAFifoOrASymbolicLinkLoopIsRefusedWithItsReason(@TempDir Path dir) throws Exception {
        Path loop = dir.resolve("loop.log");
        Files.createSymbolicLink(loop, dir.resolve("other.log"));
        Files.createSymbolicLink(dir.resolve("other.log"), loop);
        Cli.Result r = Cli.run("ingest", loop.toString(), "--once", "--data-dir", dir.resolve("data").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigie: " + loop + " is a symbolic link that leads nowhere (a loop, or its target is missing)"
                + System.lineSeparator());

        Path fifo = dir.resolve("pipe.log");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            made = false;
        }
        Assumptions.assumeTrue(made, "mkfifo is not available here");
        Cli.Result f = Cli.run("ingest", fifo.toString(), "--once", "--data-dir", dir.resolve("data").toString());
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.err()).isEqualTo("vigie: " + fifo + " is not a regular file or a directory" + System.lineSeparator());
    }

    @Test
    void aDamagedDatabaseIsNamedInPlainWords(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("vigie.db"), "this is not a database, it was overwritten by mistake ".repeat(200));
        Path log = Files.writeString(dir.resolve("app.log"), "2026-03-14T08:00:00Z INFO up\n");
        Cli.Result r = Cli.run("ingest", log.toString(), "--once", "--data-dir", data.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("vigie: cannot open " + data.resolve("vigie.db")
                + ": the database file is damaged; move it aside and Vigie starts a new one" + System.lineSeparator());
    }

    @Test
    void aTypoInTheSettingsFileIsWarnedOnStandardErrorBeforeWhatFollows(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("settings.properties"), "incident.gap.second=60\n");
        Cli.Result r = Cli.run("sources", "--data-dir", data.toString());
        assertThat(r.err().lines()).containsExactly(
                "vigie: " + data.resolve("settings.properties") + " line 1: unknown setting 'incident.gap.second'; "
                        + "did you mean 'incident.gap.seconds'?",
                "vigie: nothing is stored in " + data + " yet: give --data-dir, or let Vigie read some logs there first");
    }

    @Test
    void aReplayOfRecordingsThatAreNotThereAndAnOllamaAddressThatIsNoUrlAreRefused(@TempDir Path dir) {
        Cli.Result replay = Cli.run("run", "--replay-dir", dir.resolve("nope").toString(), "--data-dir", dir.resolve("d").toString());
        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).isEqualTo("vigie: no recordings to replay at " + dir.resolve("nope") + System.lineSeparator());
        Cli.Result url = Cli.run("sources", "--ollama-url", "http://bad host", "--data-dir", dir.toString());
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).isEqualTo("vigie: the command line: ollama.url is not a URL; got 'http://bad host'"
                + System.lineSeparator());
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertThat(Plural.of(1, "anomaly")).isEqualTo("1 anomaly");
        assertThat(Plural.of(2, "anomaly")).isEqualTo("2 anomalies");
        assertThat(Plural.of(0, "incident")).isEqualTo("0 incidents");
        assertThat(Plural.of(1, "line")).isEqualTo("1 line");
        assertThat(Plural.of(3, "day")).isEqualTo("3 days");
        assertThat(Plural.of(2, "match")).isEqualTo("2 matches");
    }
}
