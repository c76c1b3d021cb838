package dev.vigie.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --json}: a command's result as one JSON object and nothing else, or else as a sentence for a person. */
final class Output {
    @Option(names = "--json", description = "Print one JSON object and nothing else")
    boolean json;

    void print(Map<String, Object> fields, String text) {
        System.out.println(json ? Json.write(fields) : text);
    }
}
