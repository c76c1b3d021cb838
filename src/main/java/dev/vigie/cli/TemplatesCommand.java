package dev.vigie.cli;

import dev.vigie.bench.LineTemplates;
import dev.vigie.event.Plural;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Mine the templates of a log file and write one row per line: LineId,EventId,EventTemplate.")
public final class TemplatesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The log file")
    Path file;

    @Option(names = "--log-format", defaultValue = "auto",
            description = "A format name, or a header format in Loghub's notation such as '<Date> <Time> <Level> <Component>: <Content>' (default: sniffed)")
    String format;

    @Option(names = "--out", description = "CSV to write (default: standard output)")
    Path out;

    @Override
    public Integer call() throws Exception {
        LineTemplates result = LineTemplates.of(file, format);
        if (out == null) {
            result.writeCsv(System.out); // not closed: standard output is not ours
            System.out.flush();
        } else {
            try (OutputStream o = Files.newOutputStream(out)) {
                result.writeCsv(o);
            }
        }
        if (out != null) {
            System.err.printf("%s, %s -> %s%n", Plural.of(result.lines(), "line"), Plural.of(result.templates(), "template"), out);
        }
        return 0;
    }
}
