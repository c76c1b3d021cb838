package dev.vigie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.Settings;
import dev.vigie.ingest.IngestOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest defaults are declared twice, because `config` may not depend on `ingest`: the settings
 * a person gets without configuring anything must be the ones the tailers use by default.
 */
class IngestDefaultsTest {
    @Test
    void settingsDefaultsAreTheTailersDefaults(@TempDir Path dir) {
        Settings s = TestSettings.in(dir);
        assertThat(s.maxLineBytes()).isEqualTo(IngestOptions.DEFAULTS.maxLineBytes());
        assertThat(s.quiet()).isEqualTo(IngestOptions.DEFAULTS.quiet());
    }
}
