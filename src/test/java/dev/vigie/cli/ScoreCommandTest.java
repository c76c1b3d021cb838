package dev.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {
    @Test
    void everyRowIsWrittenBackAndTheUnusableOnesScoreZero(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 400; i++) {
            csv.append(String.format(Locale.ROOT, "2014-04-01 %02d:%02d:00,%s%n", i / 60 % 24, i % 60, i == 300 ? "500" : "10"));
        }
        csv.append("2014-04-02 00:00:00,not a number\n").append("yesterday,5\n");
        Path in = dir.resolve("s.csv");
        Files.writeString(in, csv);
        Path out = dir.resolve("out/s.csv");
        assertThat(new CommandLine(new ScoreCommand()).execute(in.toString(), "--out", out.toString())).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(403).first().isEqualTo("timestamp,value,anomaly_score");
        assertThat(rows.get(301)).startsWith("2014-04-01 05:00:00,500,");
        assertThat(Double.parseDouble(rows.get(301).split(",")[2])).isGreaterThan(0.75);
        assertThat(rows.subList(1, 301)).allSatisfy(r -> assertThat(r).endsWith(",0.000000"));
        assertThat(rows.subList(401, 403)).containsExactly("2014-04-02 00:00:00,not a number,0.000000", "yesterday,5,0.000000");
    }
}
