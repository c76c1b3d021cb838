package dev.vigie.cli;

import dev.vigie.config.Settings;
import dev.vigie.config.SettingsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The settings every command accepts; given on the command line, they win over environment and file. */
public final class SettingsOptions {
    /** The command these options belong to: its error stream is where warnings go. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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

    /** The settings for a command that writes (the data directory is created if need be); warnings go to standard error. */
    public Settings load(Map<String, String> values) throws IOException {
        return said(SettingsLoader.forThisProcess().load(dataDir, values));
    }

    /** The settings for a command that only reads: nothing is created; warnings go to standard error. */
    public Settings loadWithoutCreating() throws IOException {
        return said(SettingsLoader.forThisProcess().loadWithoutCreating(dataDir, values()));
    }

    /**
     * The settings for a command that reads what the engine stored.
     *
     * @throws IllegalArgumentException when nothing was stored there yet
     */
    public Settings loadStored() throws IOException {
        Settings s = loadWithoutCreating();
        if (!Files.isRegularFile(s.databaseFile())) {
            throw new IllegalArgumentException("nothing is stored in " + s.dataDir() + " yet: give --data-dir, or let Vigie "
                    + "read some logs there first");
        }
        return s;
    }

    private Settings said(Settings s) {
        s.warnings().forEach(this::warn);
        return s;
    }

    /** Says something on the command's error stream, as {@code vigie: …}. */
    void warn(String text) {
        PrintWriter err = command == null ? new PrintWriter(System.err, true) : command.commandLine().getErr();
        err.println("vigie: " + text);
        err.flush();
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
