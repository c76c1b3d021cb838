package dev.vigie.report;

import dev.vigie.privacy.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An incident's report and facts as files side by side: {@code <id>.md} and {@code <id>.facts.json}. */
public final class ReportFiles {
    private final Path dir;

    public ReportFiles(Path dir) {
        this.dir = dir;
    }

    /** @return the report's path */
    Path write(String incidentId, String markdown, String factsJson) {
        Path report = dir.resolve(incidentId + ".md");
        try {
            OwnerOnly.directory(dir);
            OwnerOnly.file(Files.writeString(dir.resolve(incidentId + ".facts.json"), factsJson, StandardCharsets.UTF_8));
            OwnerOnly.file(Files.writeString(report, markdown, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + incidentId, e);
        }
        return report;
    }
}
