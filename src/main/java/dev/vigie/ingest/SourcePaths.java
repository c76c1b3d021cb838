package dev.vigie.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The configured sources: files, directories (every file below them) and globs. Compressed
 * rotated files are skipped unless asked for. Results are sorted, so every run visits files in the same order.
 */
public final class SourcePaths {
    private final List<Spec> specs = new ArrayList<>();
    /** A path's problem when it is not there (yet). */
    public static final String MISSING = "does not exist";

    /** The paths named without a glob, as given and as resolved. */
    private final Map<String, Path> named = new LinkedHashMap<>();
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
                named.put(pattern, p);
                // a path that is not a directory yet may become a file or a directory: watched from its parent
                specs.add(Files.isDirectory(p) ? new Spec(p, candidate -> true)
                        : new Spec(p.getParent(), candidate -> candidate.equals(p) || candidate.startsWith(p)));
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

    /** The files and directories named (not globs) that do not exist now, as absolute paths: the names they will be read under. */
    public List<String> missingAbsolute() {
        return named.values().stream().filter(p -> !Files.exists(p) && !Files.isSymbolicLink(p)).map(Path::toString).toList();
    }

    /**
     * What is wrong, now, with the paths named (not globs), by path as given: missing, a symbolic link
     * that leads nowhere (a loop, a missing target), or something that is neither a regular file nor
     * a directory (a FIFO, a device). Empty when all can be read.
     */
    public Map<String, String> problems() {
        Map<String, String> out = new LinkedHashMap<>();
        named.forEach((given, p) -> {
            if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                out.put(given, "is a symbolic link that leads nowhere (a loop, or its target is missing)");
            } else if (!Files.exists(p)) {
                out.put(given, MISSING);
            } else if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
                out.put(given, "is not a regular file or a directory");
            }
        });
        return out;
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
