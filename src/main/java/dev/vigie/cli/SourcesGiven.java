package dev.vigie.cli;

import dev.vigie.ingest.SourcePaths;
import java.util.List;

/** Sources named on the command line or in the settings must exist; a glob may match nothing yet. */
final class SourcesGiven {
    private SourcesGiven() {
    }

    static void check(List<String> paths) {
        List<String> missing = new SourcePaths(paths).missing();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no such file or directory: " + String.join(", ", missing));
        }
    }
}
