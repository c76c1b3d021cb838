package dev.vigie.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The configured sources: files, directories (every file below them) and globs. Compressed
 * rotated files are skipped unless asked for. Results are sorted, so every run visits files in the same order.
 */
public final class SourcePaths {
    private final List<Spec> specs = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final boolean includeCompressed;

    private record Spec(Path base, PathMatcher matcher) {
    }

    public SourcePaths(List<String> patterns) {
        this(patterns, false);
    }

    /**
     * @param includeCompressed whether {@code .gz} files (rotated, compressed logs) are read too
     */
    public SourcePaths(List<String> patterns, boolean includeCompressed) {
        this.includeCompressed = includeCompressed;
        for (String pattern : patterns) {
            int glob = firstGlobChar(pattern);
            if (glob < 0) {
                Path p = Path.of(pattern).toAbsolutePath().normalize();
                if (!Files.exists(p)) {
                    missing.add(pattern);
                }
                specs.add(new Spec(Files.isRegularFile(p) ? p.getParent() : p, Files.isRegularFile(p)
                        ? candidate -> candidate.equals(p) : candidate -> true));
            } else {
                String absolute = Path.of("").toAbsolutePath().resolve(pattern).normalize().toString();
                String prefix = absolute.substring(0, firstGlobChar(absolute));
                Path base = Path.of(prefix.substring(0, Math.max(1, prefix.lastIndexOf('/'))));
                specs.add(new Spec(base, FileSystems.getDefault().getPathMatcher("glob:" + absolute)));
            }
        }
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The files and directories named (not globs) that do not exist. */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    /** Directories to watch for new files. */
    public List<Path> directories() {
        return specs.stream().map(Spec::base).filter(Files::isDirectory).distinct().toList();
    }

    public List<Path> files() throws IOException {
        TreeSet<Path> found = new TreeSet<>();
        for (Spec spec : specs) {
            if (!Files.isDirectory(spec.base())) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(spec.base())) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> includeCompressed || !p.getFileName().toString().endsWith(".gz"))
                        .filter(spec.matcher()::matches)
                        .forEach(found::add);
            }
        }
        return List.copyOf(found);
    }
}
