package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.cli.ScoreCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The floor of the metric detector on NAB's 24 series: {@code vigie score} on each, with the one
 * default configuration, then NAB's own scoring ({@code ../shared/tools/nab_score.py}).
 */
class NabScoreTest {
    static final Path NAB = Path.of("..", "shared", "bench", "nab");
    static final Path SCORER = Path.of("..", "shared", "tools", "nab_score.py");

    @Test
    void standardAndLowFalsePositiveProfilesHoldTheFloor(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(NAB.resolve("data")) && Files.isRegularFile(SCORER),
                "../shared/bench/nab and ../shared/tools/nab_score.py are absent: the NAB floor is measured where they are");
        Assumptions.assumeTrue(python(), "python3 is needed to run NAB's scorer");
        List<Path> series;
        try (Stream<Path> files = Files.walk(NAB.resolve("data"))) {
            series = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(series).hasSize(24);
        for (Path s : series) {
            Path target = out.resolve(NAB.resolve("data").relativize(s).toString());
            int code = new CommandLine(new ScoreCommand()).execute(s.toString(), "--out", target.toString());
            assertThat(code).isZero();
        }
        Process p = new ProcessBuilder("python3", SCORER.toString(), "--nab-root", NAB.toString(), out.toString())
                .redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(report).isZero();
        String[] last = report.strip().lines().reduce((a, b) -> b).orElseThrow().trim().split("\\s+");
        double standard = Double.parseDouble(last[1]);
        double lowFp = Double.parseDouble(last[2]);
        assertThat(standard).as(report).isGreaterThanOrEqualTo(60);
        assertThat(lowFp).as(report).isGreaterThanOrEqualTo(50);

        // the Java scoring that leave-one-out uses gives what NAB's gives
        List<NabScoring.Series> all = NabScoring.load(NAB);
        java.util.Map<String, double[]> scores = new java.util.HashMap<>();
        all.forEach(s -> scores.put(s.name(), NabScoring.scores(s, dev.vigie.config.DetectorSettings.DEFAULTS)));
        assertThat(NabScoring.optimize(all, scores, NabScoring.PROFILES.get(0)).score()).isCloseTo(standard, org.assertj.core.data.Offset.offset(0.01));
        assertThat(NabScoring.optimize(all, scores, NabScoring.PROFILES.get(1)).score()).isCloseTo(lowFp, org.assertj.core.data.Offset.offset(0.01));
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
