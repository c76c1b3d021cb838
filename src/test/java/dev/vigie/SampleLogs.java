package dev.vigie;

import java.nio.file.Path;

/** The committed sample logs, as Maven runs tests from the project root. */
public final class SampleLogs {
    public static final Path DIR = Path.of("sample-logs").toAbsolutePath();

    private SampleLogs() {
    }
}
