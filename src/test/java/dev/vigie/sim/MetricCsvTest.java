package dev.vigie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.event.MetricSample;
import dev.vigie.pipeline.client.Counts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricCsvTest {
    @TempDir
    Path dir;

    @Test
    void readsNabsFormatNamedAfterTheFile() throws Exception {
        Path f = dir.resolve("nyc_taxi.csv");
        Files.writeString(f, "timestamp,value\n2014-07-01 00:00:00,10844\n2014-07-01 00:30:00,8127.5\n");
        assertThat(MetricCsv.readAll(f)).containsExactly(
                new MetricSample(Instant.parse("2014-07-01T00:00:00Z"), "nyc_taxi", "value", 10844),
                new MetricSample(Instant.parse("2014-07-01T00:30:00Z"), "nyc_taxi", "value", 8127.5));
    }

    @Test
    void readsTheWideFormWithGapsAndEveryTimeForm() throws Exception {
        Path f = dir.resolve("host.csv");
        Files.writeString(f, """
                time,api/cpu_usage,disk_usage
                2026-03-14T08:00:00Z,41.5,70
                2026-03-14T09:00:10+01:00,,70.1
                1773475220,43,
                1773475230000,44,70.2
                """);
        List<MetricSample> samples = new ArrayList<>();
        MetricCsv.Counts counts = MetricCsv.read(f, samples::add);
        assertThat(samples).extracting(MetricSample::series)
                .containsExactly("api/cpu_usage", "host/disk_usage", "host/disk_usage", "api/cpu_usage", "api/cpu_usage",
                        "host/disk_usage");
        assertThat(samples).extracting(MetricSample::time).containsExactly(
                Instant.parse("2026-03-14T08:00:00Z"), Instant.parse("2026-03-14T08:00:00Z"), Instant.parse("2026-03-14T08:00:10Z"),
                Instant.parse("2026-03-14T08:00:20Z"), Instant.parse("2026-03-14T08:00:30Z"), Instant.parse("2026-03-14T08:00:30Z"));
        assertThat(counts).isEqualTo(new MetricCsv.Counts(4, 6, 0, 2, null));
    }

    @Test
    void aColumnMayCarryLabelsWhoseOrderDoesNotNameAnotherSeries() throws Exception {
        Path f = dir.resolve("latency.csv");
        Files.writeString(f, """
                timestamp,api/latency_ms{quantile=0.95,instance="api-2"},api/latency_ms{instance=api-2,quantile=0.5},api/latency_ms
                2026-03-14T08:00:00Z,412,120,99
                """);
        List<MetricSample> samples = MetricCsv.readAll(f);
        assertThat(samples).extracting(MetricSample::series).containsExactly("api/latency_ms{instance=api-2,quantile=0.95}",
                "api/latency_ms{instance=api-2,quantile=0.5}", "api/latency_ms");
        assertThat(samples.get(0).labels()).containsExactly(Map.entry("instance", "api-2"), Map.entry("quantile", "0.95"));
        assertThat(samples.get(0)).isEqualTo(new MetricSample(Instant.parse("2026-03-14T08:00:00Z"), "api", "latency_ms", 412,
                Map.of("quantile", "0.95", "instance", "api-2")));
    }

    @Test
    void badRowsAndCellsAreCountedAndTheRestIsRead() throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "timestamp,value\nyesterday,1\n2026-03-14T08:00:00Z,abc\n2026-03-14T08:00:10Z,NaN\n"
                + "2026-03-14T08:00:20Z,3,4\n\u0000\u0001garbage\n2026-03-14T08:00:30Z,5\n");
        List<MetricSample> samples = new ArrayList<>();
        MetricCsv.Counts counts = MetricCsv.read(f, samples::add);
        assertThat(samples).extracting(MetricSample::value).containsExactly(5.0);
        assertThat(counts.rejected()).isEqualTo(5);
        assertThat(counts.firstProblem()).isEqualTo("row 1: no time in 'yesterday'");
    }

    @Test
    void aFileWithoutAHeaderIsAClearError() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> MetricCsv.readAll(empty)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "timestamp\n1\n");
        assertThatThrownBy(() -> MetricCsv.readAll(one)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series");
    }
}
