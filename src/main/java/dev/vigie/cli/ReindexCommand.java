package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.event.Plural;
import dev.vigie.memory.Memory;
import dev.vigie.pipeline.Engine;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the memory (the search index of incidents and templates) from the database. "
                + "Vigie catches up by itself when it runs; this is for an index that was deleted, damaged or moved.")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Option(names = "--json", description = "Print one JSON object: records, seconds, index")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.loadStored();
        try (Engine engine = Engine.open(settings, Clock.systemUTC(), "vigie reindex")) {
            long t0 = System.nanoTime();
            Memory memory = engine.memory();
            int records = memory.rebuild();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("records", records);
                out.put("seconds", Math.round(seconds * 10) / 10.0);
                out.put("index", memory.describe());
                System.out.println(Json.write(out));
            } else {
                System.out.printf(Locale.ROOT, "%s (incidents and templates) remembered in %.1f s: %s%n",
                        Plural.of(records, "record"), seconds, memory.describe());
            }
        }
        return 0;
    }
}
