package dev.vigie.config;

import dev.vigie.privacy.OwnerOnly;
import dev.vigie.privacy.Redactor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Resolves {@link Settings}: command line, then environment, then {@code settings.properties} in
 * the data directory, then defaults. The data directory itself cannot come from the file that
 * lives in it, so it is resolved first from the command line, the environment and XDG.
 */
public final class SettingsLoader {
    public static final String FILE_NAME = "settings.properties";

    static final String SOURCES = "sources";
    static final String REPLAY_DIR = "replay.dir";
    static final String REPLAY_SPEED = "replay.speed";
    static final String OLLAMA_URL = "ollama.url";
    static final String OLLAMA_MODEL = "ollama.model";
    static final String SIMULATOR = "simulator.enabled";
    static final String INCIDENT_GAP = "incident.gap.seconds";
    static final String MAX_LINE = "ingest.max.line.bytes";
    static final String QUIET = "ingest.quiet.ms";
    static final String MAX_OPEN = "ingest.max.open.files";
    static final String CLOSE_INACTIVE = "ingest.close.inactive.seconds";
    static final String LOG_FORMAT = "log.format";
    static final String INCLUDE_GZ = "ingest.include.gz";
    static final String MAIL_HOST = "mail.smtp.host";
    static final String MAIL_PORT = "mail.smtp.port";
    static final String MAIL_SECURITY = "mail.smtp.security";
    static final String MAIL_TRUST = "mail.smtp.trust";
    static final String MAIL_FROM = "mail.from";
    static final String MAIL_TO = "mail.to";
    static final String MAIL_MAX = "mail.max.per.hour";
    static final String ZONE = "time.zone";
    static final String MEMORY_BACKEND = "memory.backend";
    static final String QDRANT_URL = "memory.qdrant.url";
    static final String QDRANT_COLLECTION = "memory.qdrant.collection";
    static final String EMBEDDINGS = "memory.embeddings";
    static final String THEME = "ui.theme";
    static final String LANGUAGE = "ui.language";
    /** {@code format.<glob>=<format>}: the format of the sources matching the glob. */
    static final String FORMAT_PREFIX = "format.";
    /** {@code redact.pattern.<name>=<regex>}: more secrets to redact, as {@code <secret:name>}. */
    static final String REDACT_PREFIX = "redact.pattern.";
    /** {@code service.depends.<service>=<service>,…}: the services a service calls. */
    static final String DEPENDS_PREFIX = "service.depends.";

    /** A setting's key in the file, its environment variable and its default, in one place. */
    private record Key(String name, String env, String fallback) {
    }

    private static final List<Key> KEYS = List.of(
            new Key(SOURCES, "VIGIE_SOURCES", ""),
            new Key(REPLAY_DIR, "VIGIE_REPLAY_DIR", "sample-logs"),
            new Key(REPLAY_SPEED, "VIGIE_REPLAY_SPEED", "60"),
            new Key(OLLAMA_URL, "VIGIE_OLLAMA_URL", "http://localhost:11434"),
            new Key(OLLAMA_MODEL, "VIGIE_OLLAMA_MODEL", ""),
            new Key(SIMULATOR, "VIGIE_SIMULATOR", "true"),
            new Key(INCIDENT_GAP, "VIGIE_INCIDENT_GAP_SECONDS", "300"),
            new Key(MAX_LINE, "VIGIE_MAX_LINE_BYTES", String.valueOf(IngestOptions.DEFAULTS.maxLineBytes())),
            new Key(QUIET, "VIGIE_QUIET_MS", String.valueOf(IngestOptions.DEFAULTS.quiet().toMillis())),
            new Key(MAX_OPEN, "VIGIE_MAX_OPEN_FILES", String.valueOf(IngestOptions.DEFAULTS.maxOpenFiles())),
            new Key(CLOSE_INACTIVE, "VIGIE_CLOSE_INACTIVE_SECONDS", String.valueOf(IngestOptions.DEFAULTS.closeInactive().toSeconds())),
            new Key(LOG_FORMAT, "VIGIE_LOG_FORMAT", "auto"),
            new Key(INCLUDE_GZ, "VIGIE_INCLUDE_GZ", "false"),
            new Key(MAIL_HOST, "VIGIE_SMTP_HOST", ""),
            new Key(MAIL_PORT, "VIGIE_SMTP_PORT", "587"),
            new Key(MAIL_SECURITY, "VIGIE_SMTP_SECURITY", "starttls"),
            new Key(MAIL_TRUST, "VIGIE_SMTP_TRUST", ""),
            new Key(MAIL_FROM, "VIGIE_MAIL_FROM", "vigie@localhost"),
            new Key(MAIL_TO, "VIGIE_MAIL_TO", ""),
            new Key(MAIL_MAX, "VIGIE_MAIL_MAX_PER_HOUR", "12"),
            new Key(ZONE, "VIGIE_TIME_ZONE", ""),
            new Key(MEMORY_BACKEND, "VIGIE_MEMORY_BACKEND", "lucene"),
            new Key(QDRANT_URL, "VIGIE_QDRANT_URL", ""),
            new Key(QDRANT_COLLECTION, "VIGIE_QDRANT_COLLECTION", "vigie_memory"),
            new Key(EMBEDDINGS, "VIGIE_EMBEDDINGS", "minilm"),
            new Key(THEME, "VIGIE_THEME", "dark"),
            new Key(LANGUAGE, "VIGIE_LANGUAGE", "auto"));

    private final Map<String, String> env;
    private final Path home;
    private final Path workingDir;

    public SettingsLoader(Map<String, String> env, Path home, Path workingDir) {
        this.env = env;
        this.home = home;
        this.workingDir = workingDir;
    }

    public static SettingsLoader forThisProcess() {
        return new SettingsLoader(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath());
    }

    /**
     * Settings for a command that writes: the data directory is created if need be (its owner's
     * alone), and the settings file with it.
     *
     * @param cliDataDir  {@code --data-dir}, or null
     * @param cliValues   other command-line values by settings key; absent keys fall through
     */
    public Settings load(Path cliDataDir, Map<String, String> cliValues) throws IOException {
        Path dataDir = dataDir(cliDataDir);
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("the data directory " + dataDir + " is a file, not a directory");
        }
        OwnerOnly.directory(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            writeTemplate(file);
            OwnerOnly.file(file);
        }
        return resolve(dataDir, file, cliValues);
    }

    /** Settings for a command that only reads: nothing is created; a settings file is read if there is one. */
    public Settings loadWithoutCreating(Path cliDataDir, Map<String, String> cliValues) throws IOException {
        Path dataDir = dataDir(cliDataDir);
        return resolve(dataDir, dataDir.resolve(FILE_NAME), cliValues);
    }

    private Settings resolve(Path dataDir, Path file, Map<String, String> cliValues) throws IOException {
        SettingsValues values = new SettingsValues();
        KEYS.forEach(k -> values.put(k.name(), k.fallback(), "the default"));
        List<String> warnings = new ArrayList<>();
        SettingsFile.read(file).forEach((key, line) -> {
            values.put(key, line.value(), file + " line " + line.number());
            if (!known(key)) {
                warnings.add(file + " line " + line.number() + ": unknown setting '" + key + "'" + suggestion(key));
            }
        });
        KEYS.forEach(k -> {
            String v = env.get(k.env());
            if (v != null && !v.isBlank()) {
                values.put(k.name(), v, "the environment variable " + k.env());
            }
        });
        if (!env.containsKey("VIGIE_OLLAMA_URL") && env.get("OLLAMA_HOST") != null && !env.get("OLLAMA_HOST").isBlank()) {
            values.put(OLLAMA_URL, env.get("OLLAMA_HOST"), "the environment variable OLLAMA_HOST");
        }
        cliValues.forEach((k, v) -> values.put(k, v, "the command line"));

        Map<String, String> patterns = redactPatterns(values);
        String replay = values.text(REPLAY_DIR);
        Path replayDir = replay.isBlank() ? null : workingDir.resolve(replay).normalize();
        String ollama;
        try {
            ollama = OllamaUrls.normalise(values.text(OLLAMA_URL));
        } catch (IllegalArgumentException e) {
            throw values.wrong(OLLAMA_URL, "is not a URL");
        }
        return new Settings(
                dataDir,
                file,
                list(values.text(SOURCES)),
                replayDir,
                values.speed(REPLAY_SPEED),
                ollama,
                values.text(OLLAMA_MODEL),
                values.flag(SIMULATOR),
                Duration.ofSeconds(values.whole(INCIDENT_GAP, 1, Duration.ofDays(7).toSeconds(), "seconds")),
                new IngestOptions((int) values.whole(MAX_LINE, 1024, 1 << 30, "bytes"),
                        Duration.ofMillis(values.whole(QUIET, 1, Duration.ofHours(1).toMillis(), "milliseconds")),
                        (int) values.whole(MAX_OPEN, 8, 1_000_000, "files"),
                        Duration.ofSeconds(values.whole(CLOSE_INACTIVE, 1, Duration.ofDays(1).toSeconds(), "seconds"))),
                values.text(LOG_FORMAT),
                values.prefixed(FORMAT_PREFIX),
                values.flag(INCLUDE_GZ),
                patterns,
                Redactor.with(patterns),
                new MailSettings(values.text(MAIL_HOST), (int) values.whole(MAIL_PORT, 1, 65_535, ""),
                        values.oneOf(MAIL_SECURITY, List.of("starttls", "ssl", "none")), values.text(MAIL_FROM),
                        list(values.text(MAIL_TO)), (int) values.whole(MAIL_MAX, 1, 100_000, "mails"), values.text(MAIL_TRUST),
                        env.getOrDefault("VIGIE_SMTP_USERNAME", ""), env.getOrDefault("VIGIE_SMTP_PASSWORD", "")),
                dependencies(values),
                DetectorSettings.DEFAULTS,
                memory(values),
                zone(values),
                new UiSettings(values.oneOf(THEME, List.of("dark", "light")), values.oneOf(LANGUAGE, List.of("auto", "en", "fr"))),
                warnings);
    }

    private MemorySettings memory(SettingsValues values) {
        String backend = values.oneOf(MEMORY_BACKEND, List.of("lucene", "qdrant"));
        if (backend.equals("qdrant") && values.text(QDRANT_URL).isBlank()) {
            throw values.wrong(QDRANT_URL, "is needed with memory.backend=qdrant (e.g. http://localhost:6334)");
        }
        String embeddings = values.text(EMBEDDINGS);
        if (!embeddings.equals("minilm") && !embeddings.matches("ollama:\\S+")) {
            throw values.wrong(EMBEDDINGS, "is minilm or ollama:<model> (e.g. ollama:nomic-embed-text)");
        }
        return new MemorySettings(backend, values.text(QDRANT_URL), values.text(QDRANT_COLLECTION),
                env.getOrDefault("VIGIE_QDRANT_API_KEY", ""), embeddings);
    }

    private static java.time.ZoneId zone(SettingsValues values) {
        String z = values.text(ZONE);
        if (z.isBlank()) {
            return java.time.ZoneId.systemDefault();
        }
        try {
            return java.time.ZoneId.of(z);
        } catch (java.time.DateTimeException e) {
            throw values.wrong(ZONE, "is not a time zone (e.g. Europe/Paris, UTC, +02:00)");
        }
    }

    private static boolean known(String key) {
        return KEYS.stream().anyMatch(k -> k.name().equals(key))
                || Stream.of(FORMAT_PREFIX, REDACT_PREFIX, DEPENDS_PREFIX).anyMatch(p -> key.startsWith(p) && key.length() > p.length());
    }

    /** The closest known key, when one is close enough to be a typo of it. */
    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Key k : KEYS) {
            int d = Typos.distance(key, k.name());
            if (d < bestDistance) {
                best = k.name();
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? "; did you mean '" + best + "'?" : "; it is ignored";
    }

    Path dataDir(Path cliDataDir) {
        if (cliDataDir != null) {
            return cliDataDir.toAbsolutePath().normalize();
        }
        String fromEnv = env.get("VIGIE_DATA_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("vigie").toAbsolutePath().normalize();
    }

    private static Map<String, List<String>> dependencies(SettingsValues values) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        values.prefixed(DEPENDS_PREFIX).forEach((service, callees) -> out.put(service, list(callees)));
        return out;
    }

    /** Checked here, so that a pattern that does not compile stops the start with its name. */
    private static Map<String, String> redactPatterns(SettingsValues values) {
        Map<String, String> patterns = values.prefixed(REDACT_PREFIX);
        patterns.forEach((name, regex) -> {
            if (!name.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException(REDACT_PREFIX + name + ": a pattern's name is lower-case letters, digits and dashes");
            }
            try {
                java.util.regex.Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException(REDACT_PREFIX + name + " is not a regular expression: " + e.getDescription());
            }
        });
        return patterns;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The commented settings file written on first start; the values it shows are the defaults, filled in from {@link #KEYS}. */
    static String template() {
        String text = """
                    # Vigie settings. Command-line options and VIGIE_* environment variables override these.
                    # Files, directories or globs to tail, comma-separated (e.g. /var/log/nginx/*.log).
                    #sources=
                    # Recorded logs the cockpit replays as a live stream (relative to the working directory); empty to disable.
                    #replay.dir=
                    # Event-time seconds replayed per wall-clock second, from 1 (real time) up, or max.
                    #replay.speed=
                    # Ollama server (OLLAMA_HOST is honoured too) and model; empty model = first one listed.
                    #ollama.url=
                    #ollama.model=
                    #simulator.enabled=
                    # Anomalies of one service closer than this many seconds form one incident.
                    #incident.gap.seconds=
                    # Lines longer than this are cut (and flagged); a held last line or stack trace is complete after this quiet time.
                    #ingest.max.line.bytes=
                    #ingest.quiet.ms=
                    # At most this many log files are held open; a followed file idle this long is closed until it grows.
                    #ingest.max.open.files=
                    #ingest.close.inactive.seconds=
                    # Read rotated .gz files too (each from where its original's reading stopped).
                    #ingest.include.gz=
                    # Log format of every source: auto (sniffed per source), json, logfmt, syslog, access, nginx-error,
                    # apache-error, plain, or a header format in Loghub's notation such as <Date> <Time> <Level> <Content>.
                    #log.format=
                    # E-mail of incident reports (one mail per incident state change, at most mail.max.per.hour).
                    # Credentials come from VIGIE_SMTP_USERNAME and VIGIE_SMTP_PASSWORD only, never from this file.
                    #mail.smtp.host=
                    #mail.smtp.port=
                    # starttls (required), ssl or none
                    #mail.smtp.security=
                    #mail.from=
                    # comma-separated
                    #mail.to=
                    #mail.max.per.hour=
                    # The time zone of clock times in chat questions and answers ("what failed at 14:30?"); empty: the system's.
                    #time.zone=
                    # The memory of incidents and templates: lucene (an index in the data directory) or qdrant, shared by
                    # several cockpits (its gRPC URL, e.g. http://localhost:6334; the API key from VIGIE_QDRANT_API_KEY).
                    #memory.backend=
                    #memory.qdrant.url=
                    #memory.qdrant.collection=
                    # The embedding model: minilm (in-process) or ollama:<model>, e.g. ollama:nomic-embed-text.
                    # Changing it rebuilds the memory by itself.
                    #memory.embeddings=
                    # The cockpit: dark or light; its language: en, fr, or auto (the system's).
                    #ui.theme=
                    #ui.language=
                    # The services a service calls: anomalies of services that depend on each other are one incident, e.g.
                    #service.depends.api=postgresql,billing
                    # More secrets to redact before anything leaves the machine, written <secret:NAME>, e.g.
                    #redact.pattern.employee-id=EMP-[0-9]{6}
                    # The format of the sources matching a glob, e.g. format./var/log/nginx/error.log=nginx-error
                    """;
        for (Key k : KEYS) {
            text = text.replace("#" + k.name() + "=\n", "#" + k.name() + "=" + k.fallback() + "\n");
        }
        return text;
    }

    private static void writeTemplate(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(template());
        }
    }
}
