package dev.vigie.cli;

import dev.vigie.sim.SampleLogGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample-logs", mixinStandardHelpOptions = true,
        description = "Write the seeded sample logs (three hours, several services, known incidents).")
public final class SampleLogsCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "sample-logs", description = "Directory to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "" + SampleLogGenerator.DEFAULT_SEED, description = "Seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        for (Path p : new SampleLogGenerator(seed).writeTo(out)) {
            System.out.println(p);
        }
        SampleLogGenerator.INCIDENTS.forEach(i ->
                System.out.printf("embedded: %s at %s (%s, %s)%n", i.name(), i.start(), i.service(), i.domain()));
        return 0;
    }
}
