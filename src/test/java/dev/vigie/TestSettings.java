package dev.vigie;

import dev.vigie.config.Settings;
import dev.vigie.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Settings for a test: its own data directory, no replay, and an Ollama address where nothing answers. */
public final class TestSettings {
    private TestSettings() {
    }

    public static Settings in(Path dataDir) {
        return in(dataDir, Map.of());
    }

    public static Settings in(Path dataDir, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("replay.dir", "");
        values.put("ollama.url", "http://127.0.0.1:9");
        values.put("ui.language", "en");
        values.putAll(overrides);
        try {
            return new SettingsLoader(Map.of(), dataDir, Path.of("").toAbsolutePath()).load(dataDir, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
