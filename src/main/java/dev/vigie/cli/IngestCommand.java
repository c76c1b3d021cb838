package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.event.Plural;
import dev.vigie.pipeline.Engine;
import dev.vigie.pipeline.OnceIngest;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read log files through every stage (parse, templates, detection, incidents, agents) and store the results.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories or globs")
    List<String> paths;

    @Option(names = "--once", description = "Read what is there now, then exit; without it, follow the files until stopped")
    boolean once;

    @Option(names = "--json", description = "Print one JSON object with the counts of this run, and nothing else")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = new HashMap<>(options.values());
        if (!once) {
            SourcesGiven.checkFollowed(paths);
            return follow(values);
        }
        SourcesGiven.check(paths);
        Settings settings = options.load(values);
        OnceIngest.Summary s;
        try (Engine engine = Engine.open(settings, Clock.systemUTC(), "vigie ingest --once")) {
            s = OnceIngest.run(engine, paths);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("lines", s.lines());
            out.put("events", s.events());
            out.put("rejected", s.rejected());
            out.put("anomalies", s.anomalies());
            out.put("incidents", s.incidents());
            System.out.println(Json.write(out));
        } else {
            System.out.printf("%s, %s, %d rejected, %s, %s (data: %s)%n", Plural.of(s.lines(), "line"),
                    Plural.of(s.events(), "event"), s.rejected(), Plural.of(s.anomalies(), "anomaly"),
                    Plural.of(s.incidents(), "incident"), settings.dataDir());
            System.out.println("checks (fired / service-minutes examined; metric_daily_cap: stretches held back / started):");
            s.checks().forEach(c -> System.out.printf(java.util.Locale.ROOT, "  %-15s %6d / %-7d %.2f%%%n", c.check(), c.fired(),
                    c.examined(), 100 * c.rate()));
        }
        s.unreadable().forEach((source, error) -> System.err.println("unreadable: " + source + ": " + error));
        return 0;
    }

    /** Tails the paths headless, with neither replay nor simulator, until the process is stopped. */
    private int follow(Map<String, String> values) throws Exception {
        values.put("sources", String.join(",", paths));
        Settings settings = options.load(Headless.withoutDemo(values));
        return Headless.run(settings, "ingest", "following " + String.join(", ", paths));
    }
}
