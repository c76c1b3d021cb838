package dev.vigie.config;

import dev.vigie.privacy.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything Vigie can be told, resolved once at start: command line over environment over the
 * settings file over defaults.
 *
 * @param sources       files, directories or globs to tail
 * @param replayDir     recorded logs replayed as a live stream by the cockpit, or null
 * @param replaySpeed   event-time seconds replayed per wall-clock second; infinite: as fast as the pipeline goes
 * @param ollamaUrl     where an Ollama server may answer
 * @param ollamaModel   model to use, or empty for the first one the server lists
 * @param simulator     whether the cockpit runs the built-in metric simulator
 * @param incidentGap   anomalies of one service closer than this belong to one incident
 * @param ingest        how long a line may be and when a held record is complete
 * @param logFormat     the format of every source ({@code auto}: sniffed per source)
 * @param formats       formats of the sources matching each glob, winning over {@code logFormat}
 * @param includeCompressed whether rotated {@code .gz} files are read (from where their original's reading stopped)
 * @param redactPatterns more secrets to redact, beside the built-in kinds: name → regular expression
 * @param redactor      the one redactor, with those patterns, that everything leaving the facts level goes through
 * @param mail          where incident reports are e-mailed, if anywhere
 * @param dependencies  service → the services it calls: anomalies of related services are one incident
 * @param detector      the metric checks' parameters
 * @param memory        where the memory keeps its vectors, and which model makes them
 * @param zone          where the chat reads and writes clock times ("at 14:30"): the system's unless set
 * @param ui            the cockpit's theme and language
 * @param warnings      what was odd in the settings but did not stop them (an unknown key…), each in a sentence
 */
public record Settings(
        Path dataDir,
        Path settingsFile,
        List<String> sources,
        Path replayDir,
        double replaySpeed,
        String ollamaUrl,
        String ollamaModel,
        boolean simulator,
        Duration incidentGap,
        IngestOptions ingest,
        String logFormat,
        Map<String, String> formats,
        boolean includeCompressed,
        Map<String, String> redactPatterns,
        Redactor redactor,
        MailSettings mail,
        Map<String, List<String>> dependencies,
        DetectorSettings detector,
        MemorySettings memory,
        java.time.ZoneId zone,
        UiSettings ui,
        List<String> warnings) {

    public Settings {
        sources = List.copyOf(sources);
        formats = Map.copyOf(formats);
        redactPatterns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(redactPatterns));
        dependencies = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dependencies));
        warnings = List.copyOf(warnings);
    }

    public Path databaseFile() {
        return dataDir.resolve("vigie.db");
    }

    public Path reportsDir() {
        return dataDir.resolve("reports");
    }

    public Path replaySpoolDir() {
        return dataDir.resolve("replay");
    }
}
