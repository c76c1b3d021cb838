package dev.vigie.cli;

import dev.vigie.config.Settings;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The cockpit's engine without its window, for a server without a screen: sources, detection,
 * incidents, analysis and mail until stopped. Demo data never mixes with real data: the sample
 * replay and the simulator run only when asked.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the engine headless (sources, detection, incidents, analysis, mail) until stopped.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Option(names = "--demo", description = "Replay the sample logs and run the metric simulator, as the cockpit does by default")
    boolean demo;

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = demo ? new HashMap<>(options.values()) : Headless.withoutDemo(options.values());
        if (demo && !options.noSimulator) {
            values.put("simulator.enabled", "true");
        }
        Settings settings = options.load(values);
        SourcesGiven.checkFollowed(settings.sources());
        if (settings.replayDir() != null && !Files.isDirectory(settings.replayDir())) {
            throw new IllegalArgumentException("no recordings to replay at " + settings.replayDir() + (demo
                    ? ": --demo replays sample-logs from the working directory; write them with 'vigie sample-logs --out DIR'"
                    + " and give --replay-dir DIR" : ""));
        }
        if (settings.sources().isEmpty() && settings.replayDir() == null && !settings.simulator()) {
            throw new IllegalArgumentException("nothing to run: give --source PATH, --replay-dir DIR or --demo");
        }
        List<String> what = new ArrayList<>();
        if (!settings.sources().isEmpty()) {
            what.add("following " + String.join(", ", settings.sources()));
        }
        if (settings.replayDir() != null) {
            what.add("replaying " + settings.replayDir());
        }
        if (settings.simulator()) {
            what.add("simulating metrics");
        }
        return Headless.run(settings, "run", String.join(", ", what));
    }
}
