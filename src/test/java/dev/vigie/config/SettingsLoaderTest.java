package dev.vigie.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path home;

    @Test
    void dataDirectoryFollowsXdgThenEnvironmentThenCommandLine() throws Exception {
        assertThat(new SettingsLoader(Map.of(), home, home).load(null, Map.of()).dataDir())
                .isEqualTo(home.resolve(".local/share/vigie"));
        assertThat(new SettingsLoader(Map.of("XDG_DATA_HOME", home.resolve("xdg").toString()), home, home).load(null, Map.of()).dataDir())
                .isEqualTo(home.resolve("xdg/vigie"));
        Map<String, String> env = Map.of("XDG_DATA_HOME", home.resolve("xdg").toString(), "VIGIE_DATA_DIR", home.resolve("env").toString());
        assertThat(new SettingsLoader(env, home, home).load(null, Map.of()).dataDir()).isEqualTo(home.resolve("env"));
        assertThat(new SettingsLoader(env, home, home).load(home.resolve("cli"), Map.of()).dataDir()).isEqualTo(home.resolve("cli"));
    }

    @Test
    void commandLineBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path data = home.resolve("data");
        SettingsLoader loader = new SettingsLoader(Map.of(), home, home);
        Settings defaults = loader.load(data, Map.of());
        assertThat(defaults.replaySpeed()).isEqualTo(60);
        assertThat(defaults.settingsFile()).exists();
        assertThat(Files.readString(defaults.settingsFile())).contains("#replay.speed=60");

        Files.writeString(defaults.settingsFile(), "replay.speed=10\nollama.model=qwen2.5:7b\n");
        assertThat(loader.load(data, Map.of()).replaySpeed()).isEqualTo(10);
        SettingsLoader withEnv = new SettingsLoader(Map.of("VIGIE_REPLAY_SPEED", "20", "OLLAMA_HOST", "gpu-box"), home, home);
        Settings env = withEnv.load(data, Map.of());
        assertThat(env.replaySpeed()).isEqualTo(20);
        assertThat(env.ollamaModel()).isEqualTo("qwen2.5:7b");
        assertThat(env.ollamaUrl()).isEqualTo("http://gpu-box:11434");
        assertThat(withEnv.load(data, Map.of("replay.speed", "30")).replaySpeed()).isEqualTo(30);
        assertThat(withEnv.load(data, Map.of("replay.speed", "max")).replaySpeed()).isInfinite();
        assertThatThrownBy(() -> withEnv.load(data, Map.of("replay.speed", "0.5")))
                .hasMessageContaining("replay.speed is a speed from 1 (real time) up, or max; got '0.5'");
    }

    @Test
    void theWrittenSettingsFileShowsTheDefaultsAndUncommentedChangesNothing() throws Exception {
        String template = SettingsLoader.template();
        assertThat(template).contains("#replay.speed=60\n", "#incident.gap.seconds=300\n",
                "#ingest.max.line.bytes=" + IngestOptions.DEFAULTS.maxLineBytes() + "\n", "#mail.smtp.port=587\n");
        SettingsLoader loader = new SettingsLoader(Map.of(), home, home);
        Settings defaults = loader.load(home.resolve("plain"), Map.of());
        Path data = Files.createDirectories(home.resolve("uncommented"));
        Files.writeString(data.resolve(SettingsLoader.FILE_NAME), template.lines()
                .map(l -> l.matches("#[a-z.]+=.*") && !l.startsWith("#service.") && !l.startsWith("#redact.") ? l.substring(1) : l)
                .collect(java.util.stream.Collectors.joining("\n")));
        Settings uncommented = loader.load(data, Map.of());
        assertThat(uncommented.replaySpeed()).isEqualTo(defaults.replaySpeed());
        assertThat(uncommented.replayDir()).isEqualTo(defaults.replayDir());
        assertThat(uncommented.incidentGap()).isEqualTo(defaults.incidentGap());
        assertThat(uncommented.ingest()).isEqualTo(defaults.ingest());
        assertThat(uncommented.mail()).isEqualTo(defaults.mail());
        assertThat(uncommented.ollamaUrl()).isEqualTo(defaults.ollamaUrl());
        assertThat(uncommented.simulator()).isEqualTo(defaults.simulator());
        assertThat(uncommented.logFormat()).isEqualTo(defaults.logFormat());
        assertThat(uncommented.includeCompressed()).isEqualTo(defaults.includeCompressed());
    }

    @Test
    void aBadValueIsAClearError() throws Exception {
        SettingsLoader loader = new SettingsLoader(Map.of("VIGIE_REPLAY_SPEED", "fast"), home, home);
        assertThatThrownBy(() -> loader.load(home.resolve("d"), Map.of()))
                .hasMessage("the environment variable VIGIE_REPLAY_SPEED: replay.speed is a speed from 1 (real time) up, or max; "
                        + "got 'fast'");
    }

    @Test
    void theMemoryIsLocalByDefaultAndQdrantNeedsItsUrlAndKeepsItsKeyOutOfSight() throws Exception {
        Settings defaults = new SettingsLoader(Map.of(), home, home).load(home.resolve("d"), Map.of());
        assertThat(defaults.memory()).extracting(MemorySettings::backend, MemorySettings::embeddings).containsExactly("lucene", "minilm");
        assertThat(defaults.zone()).isEqualTo(java.time.ZoneId.systemDefault());
        SettingsLoader loader = new SettingsLoader(Map.of("VIGIE_QDRANT_API_KEY", "s3cr3t-key"), home, home);
        assertThatThrownBy(() -> loader.load(home.resolve("d"), Map.of("memory.backend", "qdrant")))
                .hasMessageContaining("memory.qdrant.url is needed with memory.backend=qdrant");
        assertThatThrownBy(() -> loader.load(home.resolve("d"), Map.of("memory.embeddings", "bert")))
                .hasMessageContaining("memory.embeddings is minilm or ollama:<model>");
        assertThatThrownBy(() -> loader.load(home.resolve("d"), Map.of("time.zone", "Mars/Olympus")))
                .hasMessageContaining("time.zone is not a time zone");
        Settings qdrant = loader.load(home.resolve("d"), Map.of("memory.backend", "qdrant", "memory.qdrant.url", "http://q:6334",
                "memory.embeddings", "ollama:nomic-embed-text", "time.zone", "Europe/Paris"));
        assertThat(qdrant.memory().qdrantApiKey()).isEqualTo("s3cr3t-key");
        assertThat(qdrant.memory().toString()).contains("http://q:6334", "ollama:nomic-embed-text").doesNotContain("s3cr3t");
        assertThat(qdrant.zone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
    }

    @Test
    void aRedactionPatternThatDoesNotCompileStopsTheStartWithItsName() throws Exception {
        SettingsLoader loader = new SettingsLoader(Map.of(), home, home);
        assertThatThrownBy(() -> loader.load(home.resolve("data"), Map.of("redact.pattern.badge", "B-[0-9")))
                .hasMessageContaining("redact.pattern.badge is not a regular expression");
        assertThat(loader.load(home.resolve("data"), Map.of("redact.pattern.badge", "B-[0-9]{4}")).redactPatterns())
                .containsExactly(Map.entry("badge", "B-[0-9]{4}"));
    }

    @Test
    void mailAndServiceDependenciesAreReadAndCredentialsComeOnlyFromTheEnvironment() throws Exception {
        Path data = home.resolve("m");
        SettingsLoader loader = new SettingsLoader(Map.of("VIGIE_SMTP_USERNAME", "vigie", "VIGIE_SMTP_PASSWORD", "s3cret-pw",
                "VIGIE_MAIL_TO", "oncall@example.com, cto@example.com"), home, home);
        Settings s = loader.load(data, Map.of("mail.smtp.host", "smtp.example.com", "mail.smtp.security", "SSL",
                "mail.smtp.password", "from-the-file", "service.depends.api", "postgresql, billing"));
        assertThat(s.mail().enabled()).isTrue();
        assertThat(s.mail().host()).isEqualTo("smtp.example.com");
        assertThat(s.mail().security()).isEqualTo("ssl");
        assertThat(s.mail().to()).containsExactly("oncall@example.com", "cto@example.com");
        assertThat(s.mail().username()).isEqualTo("vigie");
        assertThat(s.mail().password()).isEqualTo("s3cret-pw");
        assertThat(s.mail().toString()).doesNotContain("s3cret-pw").contains("credentials from the environment");
        assertThat(s.dependencies()).containsExactly(Map.entry("api", List.of("postgresql", "billing")));

        assertThat(new SettingsLoader(Map.of(), home, home).load(data, Map.of()).mail().enabled()).isFalse();
        assertThatThrownBy(() -> loader.load(data, Map.of("mail.smtp.security", "tls-maybe")))
                .hasMessageContaining("the command line: mail.smtp.security must be one of starttls, ssl, none; got 'tls-maybe'");
    }

    private Path fileWith(String name, String text) throws Exception {
        Path data = Files.createDirectories(home.resolve(name));
        Files.writeString(data.resolve(SettingsLoader.FILE_NAME), text);
        return data;
    }

    @Test
    void aValueOutOfRangeNamesTheFileAndTheLine() throws Exception {
        SettingsLoader loader = new SettingsLoader(Map.of(), home, home);
        Path gap = fileWith("gap", "# mine\nreplay.speed=max\nincident.gap.seconds=99999999999999999999\n");
        assertThatThrownBy(() -> loader.load(gap, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(gap.resolve(SettingsLoader.FILE_NAME) + " line 3: incident.gap.seconds must be a whole number of seconds "
                        + "from 1 to 604800; got '99999999999999999999'");
        Path port = fileWith("port", "mail.smtp.port = 70000\n");
        assertThatThrownBy(() -> loader.load(port, Map.of())).hasMessageEndingWith(
                " line 1: mail.smtp.port must be a whole number from 1 to 65535; got '70000'");
        Path flag = fileWith("flag", "ingest.include.gz=yes please\n");
        assertThatThrownBy(() -> loader.load(flag, Map.of())).hasMessageEndingWith(
                " line 1: ingest.include.gz must be true or false; got 'yes please'");
        SettingsLoader fromEnv = new SettingsLoader(Map.of("VIGIE_SMTP_PORT", "0"), home, home);
        assertThatThrownBy(() -> fromEnv.load(home.resolve("env"), Map.of())).hasMessage(
                "the environment variable VIGIE_SMTP_PORT: mail.smtp.port must be a whole number from 1 to 65535; got '0'");
    }

    @Test
    void anUnknownKeyIsWarnedWithTheClosestKnownOne() throws Exception {
        Path data = fileWith("typo", "incident.gap.second=60\nformat./var/log/x.log=json\ncolour=blue\n");
        Settings s = new SettingsLoader(Map.of(), home, home).load(data, Map.of());
        Path file = data.resolve(SettingsLoader.FILE_NAME);
        assertThat(s.warnings()).containsExactly(
                file + " line 3: unknown setting 'colour'; it is ignored",
                file + " line 1: unknown setting 'incident.gap.second'; did you mean 'incident.gap.seconds'?");
        assertThat(s.incidentGap()).as("the typo did not set it").isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aSettingsFileThatIsNotUtf8IsNamed() throws Exception {
        Path data = Files.createDirectories(home.resolve("latin1"));
        Files.write(data.resolve(SettingsLoader.FILE_NAME), "mail.from=r\u00e9mi@example.com\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new SettingsLoader(Map.of(), home, home).load(data, Map.of()))
                .hasMessage(data.resolve(SettingsLoader.FILE_NAME) + " is not UTF-8 text: save it as UTF-8");
    }

    @Test
    void aDataDirectoryThatIsAFileIsSaidAndAReadingCommandCreatesNothing() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "x");
        SettingsLoader loader = new SettingsLoader(Map.of(), home, home);
        assertThatThrownBy(() -> loader.load(file, Map.of())).hasMessage("the data directory " + file + " is a file, not a directory");
        Path typo = home.resolve("typo-dir");
        assertThat(loader.loadWithoutCreating(typo, Map.of()).dataDir()).isEqualTo(typo);
        assertThat(typo).doesNotExist();
    }

    @Test
    void theDataDirectoryAndTheSettingsFileAreTheOwnersAlone() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path data = home.resolve("private/data");
        new SettingsLoader(Map.of(), home, home).load(data, Map.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(SettingsLoader.FILE_NAME))))
                .isEqualTo("rw-------");
    }
}
