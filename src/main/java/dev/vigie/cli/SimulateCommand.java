package dev.vigie.cli;

import dev.vigie.config.DetectorSettings;
import dev.vigie.detect.Detector;
import dev.vigie.event.Anomaly;
import dev.vigie.event.MetricSample;
import dev.vigie.event.Plural;
import dev.vigie.sim.GroundTruth;
import dev.vigie.sim.MetricSimulator;
import dev.vigie.sim.Scenario;
import dev.vigie.sim.ScenarioScript;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate every service's metrics over a stretch of time with the scenarios of a script, run "
                + "the detector over them, and count its hits against the scenarios (the ground truth).",
            "Script lines: WHEN SCENARIO SERVICE DURATION, e.g. '+2h cpu_saturation api 10m'. Scenarios: "
                + "cpu_saturation, memory_leak, latency_spike, connection_storm, slow_query, disk_filling, bad_deploy."})
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--seed", description = "Seed of the simulator (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--from", description = "First event time, ISO 8601 (default: ${DEFAULT-VALUE})")
    Instant from = Instant.parse("2026-03-13T00:00:00Z");

    @Option(names = "--hours", description = "Hours to simulate (default: ${DEFAULT-VALUE})")
    int hours = 24;

    @Option(names = "--script", paramLabel = "FILE", description = "Scenarios to inject, one per line")
    Path script;

    @Option(names = "--scenario", paramLabel = "LINE", description = "A scenario to inject, as a script line; repeatable")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the series as CSV (timestamp,service/metric,…), which 'vigie metrics' replays")
    Path out;

    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        if (hours < 1) {
            throw new IllegalArgumentException("--hours must be at least 1");
        }
        List<Scenario> injected = new ArrayList<>();
        if (script != null) {
            injected.addAll(ScenarioScript.parse(Files.readString(script, StandardCharsets.UTF_8), from));
        }
        injected.addAll(ScenarioScript.parse(String.join("\n", scenarios), from));
        MetricSimulator sim = new MetricSimulator(seed, injected);
        Instant to = from.plus(Duration.ofHours(hours));
        List<MetricSample> samples = new ArrayList<>();
        for (Instant t = MetricSimulator.alignToStep(from); t.isBefore(to); t = t.plus(MetricSimulator.STEP)) {
            samples.addAll(sim.at(t));
        }
        if (out != null) {
            write(samples, out);
        }
        List<Anomaly> found = Detector.detectMetrics(DetectorSettings.DEFAULTS, samples);
        GroundTruth.Result r = GroundTruth.match(injected, found, Duration.ofMinutes(10));

        List<Map<String, Object>> hits = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (GroundTruth.Hit h : r.hits()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", h.scenario().kind().key());
            row.put("service", h.scenario().service());
            row.put("start", h.scenario().start().toString());
            row.put("end", h.scenario().end().toString());
            row.put("detected", h.detected());
            if (h.detected()) {
                row.put("delay_steps", h.delaySteps());
                row.put("series", h.first().series());
                row.put("check", h.first().check());
                row.put("text", h.first().text());
            }
            hits.add(row);
            text.append(String.format(Locale.ROOT, "%-36s %s  %s%n", h.scenario().name(), h.scenario().start(),
                    h.detected() ? "found after " + h.delaySteps() + " steps by " + h.first().check() + ": " + h.first().text()
                            : "MISSED"));
        }
        r.falseAlarms().forEach(a -> text.append(String.format(Locale.ROOT, "false alarm %s %s %s: %s%n", a.start(),
                a.series(), a.check(), a.text())));
        text.append(String.format(Locale.ROOT, "%s of %d series, %s, %d detected, %s, %s",
                Plural.of(samples.size(), "sample"), sim.at(from).size(), Plural.of(injected.size(), "scenario"),
                r.detected(), Plural.of(found.size(), "anomaly"), Plural.of(r.falseAlarms().size(), "false alarm")));

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("samples", samples.size());
        fields.put("scenarios", hits);
        fields.put("detected", r.detected());
        fields.put("anomalies", found.size());
        fields.put("false_alarms", r.falseAlarms().stream().map(a -> Map.of("series", a.series(), "check", a.check(),
                "start", a.start().toString(), "text", a.text())).toList());
        output.print(fields, text.toString());
        return 0;
    }

    /** The wide CSV form: one row per step, one column per series. */
    private static void write(List<MetricSample> samples, Path file) throws Exception {
        List<String> names = new ArrayList<>();
        Instant first = samples.isEmpty() ? null : samples.get(0).time();
        for (MetricSample s : samples) {
            if (!s.time().equals(first)) {
                break;
            }
            names.add(s.series());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp," + String.join(",", names));
            for (int i = 0; i < samples.size(); i += names.size()) {
                w.newLine();
                w.write(samples.get(i).time().toString());
                for (int k = 0; k < names.size(); k++) {
                    w.write(',');
                    w.write(Double.toString(samples.get(i + k).value()));
                }
            }
            w.newLine();
        }
    }
}
