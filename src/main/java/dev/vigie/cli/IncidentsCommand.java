package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.event.LearnedDependency;
import dev.vigie.event.Plural;
import dev.vigie.event.StoredIncident;
import dev.vigie.incident.Correlator;
import dev.vigie.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "incidents", mixinStandardHelpOptions = true, description = "List the stored incidents.")
public final class IncidentsCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Option(names = "--json", description = "Print a JSON array")
    boolean json;

    /** One incident as printed. */
    record Row(String id, String service, String start, String end, String severity, String status, String domain,
               String cause, String analyst, String report, List<String> checks, List<String> affected) {
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = options.loadStored();
        List<StoredIncident> incidents;
        List<LearnedDependency> learned;
        try (Store store = new Store(settings.databaseFile(), Clock.systemUTC())) {
            incidents = store.incidents();
            learned = store.learnedDependencies();
        }
        List<Row> rows = incidents.stream().map(i -> new Row(i.id(), i.service(), i.start().toString(), i.end().toString(),
                i.severity().name(), i.status().name(), i.domain(), i.cause(), i.analyst(), i.reportPath(), i.checks(), i.affected())).toList();
        if (json) {
            System.out.println(Json.write(rows));
        } else if (rows.isEmpty()) {
            System.out.println("No incidents in " + settings.dataDir());
        } else {
            for (Row r : rows) {
                System.out.printf("%s  %-12s %s → %s  %-8s %-8s %-14s %s%n      found by %s%s%n      %s%n", r.id(), r.service(), r.start(),
                        r.end(), r.severity(), r.status(), r.domain() == null ? "-" : r.domain(),
                        r.cause() == null ? "(not analysed yet)" : r.cause(), String.join(", ", r.checks()),
                        r.affected().isEmpty() ? "" : "; also affected: " + String.join(", ", r.affected()),
                        r.report() == null ? "" : r.report());
            }
            if (!learned.isEmpty()) {
                System.out.println("Learned from these incidents (services linked in " + Correlator.LEARN_AFTER
                        + " or more are joined when their anomalies start together, lines or not):");
                learned.forEach(d -> System.out.printf("  %s → %s: linked in %s, %s to %s%n", d.service(), d.dependsOn(),
                        Plural.of(d.incidents(), "incident"), d.first(), d.last()));
            }
        }
        return 0;
    }
}
