package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.event.Feedback;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Say whether a recommended action helped: vigie feedback INC-1a2b3c4d P1 helped. Among similar incidents, "
                + "actions that helped are then offered first, and those that did not are marked.")
public final class FeedbackCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident's id (INC-…)")
    String incident;

    @Parameters(index = "1", paramLabel = "ACTION", description = "The recommended action: P1, P2, P3…")
    String action;

    @Parameters(index = "2", paramLabel = "VERDICT", description = "helped or not-helped")
    String verdict;

    @Option(names = "--note", description = "Why, in a sentence", defaultValue = "")
    String note;

    @Override
    public Integer call() throws Exception {
        String v = verdict.toLowerCase(Locale.ROOT);
        if (!List.of("helped", "not-helped").contains(v)) {
            throw new IllegalArgumentException("the verdict is helped or not-helped, not '" + verdict + "'");
        }
        Settings settings = options.loadStored();
        // a small write beside a running Vigie is SQLite's to order: no need to own the data directory
        try (Store store = new Store(settings.databaseFile(), Clock.systemUTC())) {
            Feedback f = new Feedback(incident, Clock.systemUTC().instant(), v.equals("helped"), note, action);
            store.checkFeedback(f);
            StoreBatch b = new StoreBatch();
            b.feedback(f);
            store.write(b);
            int step = Integer.parseInt(f.action().substring(1));
            System.out.printf("%s %s (%s): %s, recorded%n", f.incidentId(), f.action(), store.plan(f.incidentId()).get(step - 1),
                    f.useful() ? "helped" : "did not help");
        }
        return 0;
    }
}
