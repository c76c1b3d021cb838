package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.event.Plural;
import dev.vigie.event.SourceStatus;
import dev.vigie.store.StorageCheck;
import dev.vigie.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "What was read from each source: lines, events, rejects, repairs and the last error.")
public final class SourcesCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Option(names = "--json", description = "Print a JSON array")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.loadStored();
        List<SourceStatus> sources;
        try (Store store = new Store(settings.databaseFile(), Clock.systemUTC())) {
            sources = store.sources();
        }
        Optional<String> storage = StorageCheck.problem(settings.dataDir());
        if (json) {
            storage.ifPresent(options::warn);
            System.out.println(Json.write(sources));
            return 0;
        }
        storage.ifPresent(p -> System.out.println("Storage: " + p));
        if (sources.isEmpty()) {
            System.out.println("No sources read yet in " + settings.dataDir());
        }
        for (SourceStatus s : sources) {
            System.out.printf("%s%n    %s, %s, %d rejected, %d invalid UTF-8, %d cut, %d without time%s%n",
                    s.source(), Plural.of(s.lines(), "line"), Plural.of(s.events(), "event"), s.rejected(), s.invalidUtf8(),
                    s.truncated(), s.timeInferred(),
                    s.lastError() == null ? "" : "\n    last error " + s.lastErrorAt() + ": " + s.lastError());
            if (s.timeLayout() != null) {
                System.out.printf("    times: %s%n", s.timeLayout());
            }
            if (s.invalidUtf8() > 0) {
                System.out.printf("    %s not UTF-8 were stored with U+FFFD: the file may be in another encoding (Latin-1, "
                        + "Windows-1252...); Vigie reads UTF-8, and UTF-16 with or without a byte-order mark%n",
                        Plural.of(s.invalidUtf8(), "line"));
            }
        }
        return 0;
    }
}
