package dev.vigie.cli;

import dev.vigie.ingest.SourcePaths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sources named on the command line or in the settings. Read once, each must be there and be a
 * regular file or a directory; followed, one that does not exist yet is waited for, and said.
 * A glob may match nothing yet.
 */
final class SourcesGiven {
    private SourcesGiven() {
    }

    /** For a command that reads once: every problem is an error. */
    static void check(List<String> paths) {
        Map<String, String> problems = new SourcePaths(paths).problems();
        List<String> missing = problems.entrySet().stream().filter(e -> e.getValue().equals(SourcePaths.MISSING))
                .map(Map.Entry::getKey).toList();
        if (!missing.isEmpty() && missing.size() == problems.size()) {
            throw new IllegalArgumentException("no such file or directory: " + String.join(", ", missing));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(said(problems));
        }
    }

    /** For a command that follows: what does not exist yet is waited for (and said); other problems are errors. */
    static void checkFollowed(List<String> paths) {
        Map<String, String> problems = new SourcePaths(paths).problems();
        Map<String, String> fatal = new LinkedHashMap<>(problems);
        fatal.values().removeIf(SourcePaths.MISSING::equals);
        if (!fatal.isEmpty()) {
            throw new IllegalArgumentException(said(fatal));
        }
        problems.keySet().stream().filter(p -> !fatal.containsKey(p))
                .forEach(p -> System.err.println("vigie: waiting for " + p + ": it does not exist yet"));
    }

    private static String said(Map<String, String> problems) {
        return String.join("; ", problems.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
