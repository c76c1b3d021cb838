package dev.vigie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import dev.vigie.parse.LogParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * With {@code --log-format auto}, every line of the eight shared Loghub samples gets its own event
 * time, and where their ground truth has a Level column that holds levels, the stored level agrees.
 */
class LoghubTimesAndLevelsTest {
    private static final List<String> SYSTEMS = List.of("Apache", "BGL", "HDFS", "Hadoop", "HealthApp", "Linux", "OpenSSH", "Spark");
    /** Linux's Level column holds a host name; HealthApp and OpenSSH have none. */
    private static final List<String> WITH_LEVELS = List.of("Apache", "BGL", "HDFS", "Hadoop", "Spark");
    private static final Map<String, String> SAME = Map.of("NOTICE", "INFO", "WARNING", "WARN", "SEVERE", "ERROR");

    @Test
    void everyLineHasItsOwnTimeAndTheWrittenLevelWins() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(LoghubAccuracyTest.LOGHUB.resolve("formats.json")),
                "the Loghub samples are not at " + LoghubAccuracyTest.LOGHUB.toAbsolutePath() + ": skipped (they are in CI)");
        for (String system : SYSTEMS) {
            Path dir = LoghubAccuracyTest.LOGHUB.resolve(system);
            LogParser parser = new LogParser(Clock.systemUTC());
            LogParser messages = new LogParser(Clock.systemUTC());
            List<LogEvent> events = new ArrayList<>();
            String source = dir.resolve(system + ".log").toString();
            for (String line : Files.readAllLines(dir.resolve(system + "_2k.log"), StandardCharsets.UTF_8)) {
                events.add(parser.parse(new RawRecord(source, "k", "f", line, 0, 1, 0)));
                assertThat(messages.message(source, line)).as("what vigie templates mines is the stored message")
                        .isEqualTo(events.get(events.size() - 1).message());
            }
            assertThat(events).as(system + ": lines stored at ingestion time").noneMatch(LogEvent::timeInferred);
            assertThat(parser.timeLayout(dir.resolve(system + ".log").toString())).as(system + ": how its times are read")
                    .doesNotStartWith("none");
            if (WITH_LEVELS.contains(system)) {
                List<String> expected = levels(dir.resolve(system + "_2k.log_structured_corrected.csv"));
                int agree = 0;
                for (int i = 0; i < events.size(); i++) {
                    String want = expected.get(i).toUpperCase(Locale.ROOT);
                    agree += events.get(i).level().name().equals(SAME.getOrDefault(want, want)) ? 1 : 0;
                }
                assertThat((double) agree / events.size()).as(system + ": stored level agrees with the line's").isGreaterThanOrEqualTo(0.99);
            }
        }
    }

    /** The Level column of a Loghub structured file, in line order (a quoted field may hold commas). */
    private static List<String> levels(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8))) {
            List<String> header = fields(in.readLine());
            int level = header.indexOf("Level");
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                out.add(fields(row).get(level));
            }
        }
        return out;
    }

    private static List<String> fields(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
