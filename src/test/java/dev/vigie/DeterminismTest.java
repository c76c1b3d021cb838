package dev.vigie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.StoredIncident;
import dev.vigie.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two ingests of the sample logs into two fresh data directories agree, byte for byte. */
class DeterminismTest {
    @Test
    void sameInputSameIncidentsSameFacts(@TempDir Path a, @TempDir Path b) throws Exception {
        for (Path dir : List.of(a, b)) {
            assertThat(Cli.run("ingest", SampleLogs.DIR.toString(), "--once", "--json", "--data-dir", dir.toString()).exitCode()).isZero();
        }
        List<StoredIncident> first = incidents(a);
        List<StoredIncident> second = incidents(b);
        assertThat(first).isNotEmpty();
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            StoredIncident x = first.get(i);
            StoredIncident y = second.get(i);
            assertThat(List.of(y.id(), y.service(), y.start(), y.end(), y.severity(), y.status(), y.domain(), y.cause()))
                    .isEqualTo(List.of(x.id(), x.service(), x.start(), x.end(), x.severity(), x.status(), x.domain(), x.cause()));
            Path factsA = a.resolve("reports").resolve(x.id() + ".facts.json");
            Path factsB = b.resolve("reports").resolve(y.id() + ".facts.json");
            assertThat(Files.mismatch(factsA, factsB)).as(x.id()).isEqualTo(-1L);
        }
        try (Stream<Path> files = Files.list(a.resolve("reports"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".facts.json")).count()).isEqualTo(first.size());
        }
    }

    private static List<StoredIncident> incidents(Path dataDir) throws Exception {
        try (Store store = new Store(dataDir.resolve("vigie.db"), Clock.systemUTC())) {
            return store.incidents();
        }
    }
}
