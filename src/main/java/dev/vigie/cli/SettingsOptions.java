package dev.vigie.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The settings every command accepts; given on the command line, they win over environment and file. */
public final class SettingsOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $VIGIE_DATA_DIR, else $XDG_DATA_HOME/vigie, else ~/.local/share/vigie)")
    Path dataDir;

    @Option(names = "--source", paramLabel = "PATH", description = "File, directory or glob to tail (repeatable)")
    List<String> sources;

    @Option(names = "--replay-dir", paramLabel = "DIR", description = "Recorded logs the cockpit replays live ('' to disable)")
    String replayDir;

    @Option(names = "--replay-speed", paramLabel = "X", description = "Event-time seconds replayed per second")
    String replaySpeed;

    @Option(names = "--ollama-url", paramLabel = "URL", description = "Ollama server (default: $OLLAMA_HOST or http://localhost:11434)")
    String ollamaUrl;

    @Option(names = "--ollama-model", paramLabel = "NAME", description = "Model to use (default: the first one listed)")
    String ollamaModel;

    @Option(names = "--log-format", paramLabel = "FMT",
            description = "Format of the sources: auto (default), json, logfmt, syslog, access, nginx-error, apache-error, "
                    + "plain, or a header format in Loghub's notation, e.g. '<Date> <Time> <Level> <Component>: <Content>'")
    String logFormat;

    @Option(names = "--include-gz", description = "Read rotated .gz files too, from where their original's reading stopped")
    boolean includeGz;

    @Option(names = "--no-simulator", description = "Do not run the built-in metric simulator")
    boolean noSimulator;

    @Option(names = "--redact-pattern", paramLabel = "NAME=REGEX",
            description = "One more kind of secret to redact, written <secret:NAME> (repeatable)")
    Map<String, String> redactPatterns;

    public Path path() {
        return dataDir;
    }

    /** The settings given on the command line, by settings key. */
    public Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        if (sources != null) {
            v.put("sources", String.join(",", sources));
        }
        putIfSet(v, "replay.dir", replayDir);
        putIfSet(v, "replay.speed", replaySpeed);
        putIfSet(v, "ollama.url", ollamaUrl);
        putIfSet(v, "ollama.model", ollamaModel);
        putIfSet(v, "log.format", logFormat);
        if (includeGz) {
            v.put("ingest.include.gz", "true");
        }
        if (noSimulator) {
            v.put("simulator.enabled", "false");
        }
        if (redactPatterns != null) {
            redactPatterns.forEach((name, regex) -> v.put("redact.pattern." + name, regex));
        }
        return v;
    }

    private static void putIfSet(Map<String, String> v, String key, String value) {
        if (value != null) {
            v.put(key, value);
        }
    }
}
