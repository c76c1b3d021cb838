package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.config.SettingsLoader;
import dev.vigie.pipeline.Engine;
import dev.vigie.pipeline.LiveRuntime;
import dev.vigie.pipeline.client.EngineCommands;
import dev.vigie.pipeline.client.EngineQueries;
import dev.vigie.sim.SampleLogGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Renders views of the cockpit headless into PNG files, over the sample logs replayed to their end
 * in a scratch data directory, for the README and for review.
 */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = "Render cockpit views headless over the sample logs into PNG files.")
public final class ScreenshotCommand implements Callable<Integer> {
    static final List<String> VIEWS = List.of("dashboard", "live", "logs", "incidents", "chat", "simulation", "settings");

    @Option(names = "--view", required = true, split = ",", paramLabel = "NAME",
            description = "dashboard, live, logs, incidents, chat, simulation, settings, or all (comma-separated)")
    List<String> views;

    @Option(names = "--theme", defaultValue = "dark", description = "dark or light (default: ${DEFAULT-VALUE})")
    String theme;

    @Option(names = "--lang", defaultValue = "en", description = "en or fr (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--width", defaultValue = "1440", description = "Width in pixels (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "900", description = "Height in pixels (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The PNG file; with several views, a directory that gets <view>-<theme>-<lang>.png")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> chosen = views.contains("all") ? VIEWS : views;
        for (String v : chosen) {
            if (!VIEWS.contains(v)) {
                throw new IllegalArgumentException("no view '" + v + "'; views: " + String.join(", ", VIEWS) + ", all");
            }
        }
        if (!List.of("dark", "light").contains(theme) || !List.of("en", "fr").contains(language)) {
            throw new IllegalArgumentException("--theme is dark or light, --lang is en or fr");
        }
        if (width < 640 || height < 400) {
            throw new IllegalArgumentException("--width and --height are at least 640 × 400");
        }
        Map<Path, String> shots = new java.util.LinkedHashMap<>();
        for (String v : chosen) {
            shots.put(chosen.size() == 1 ? out : out.resolve(v + "-" + theme + "-" + language + ".png"), v);
        }
        try (Scratch scratchDir = new Scratch("vigie-screenshot")) {
            Path scratch = scratchDir.dir;
            Path logs = scratch.resolve("sample-logs");
            new SampleLogGenerator(SampleLogGenerator.DEFAULT_SEED).writeTo(logs);
            Map<String, String> values = new HashMap<>();
            values.put("replay.dir", logs.toString());
            values.put("replay.speed", "max");
            values.put("simulator.enabled", "false"); // the sample logs' own story, whose series end with them
            values.put("ollama.url", "http://127.0.0.1:9"); // the offline analyst: the same pictures on every machine
            values.put("time.zone", "UTC");
            values.put("ui.theme", theme);
            values.put("ui.language", language);
            Settings settings = new SettingsLoader(Map.of(), scratch, scratch).load(scratch.resolve("data"), values);
            try (LiveRuntime runtime = new LiveRuntime(Engine.open(settings, Clock.systemUTC(), "vigie screenshot"))) {
                runtime.start();
                waitForTheReplay(runtime);
                // loaded by name so that the other commands never touch JavaFX classes
                Class.forName("dev.vigie.ui.Screenshots").getMethod("take", EngineQueries.class, EngineCommands.class, Map.class,
                        int.class, int.class).invoke(null, runtime.client(), runtime.client(), shots, width, height);
            }
        }
        shots.keySet().forEach(System.out::println);
        return 0;
    }

    /** Until the replay has been read to its end and every incident has its report. */
    private static void waitForTheReplay(LiveRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            var s = runtime.client().snapshot();
            boolean read = s.replayTotal() > 0 && s.replayed() >= s.replayTotal() && s.queueDepth() == 0;
            if (read && runtime.store().incidents().stream().allMatch(i -> i.reportPath() != null)
                    && !runtime.store().incidents().isEmpty()) {
                return;
            }
            Thread.sleep(200); // a command's own wait for the engine, not a test's
        }
        throw new IllegalStateException("the sample logs were not replayed within three minutes");
    }
}
