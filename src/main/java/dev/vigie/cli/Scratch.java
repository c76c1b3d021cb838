package dev.vigie.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory for a command's passing files (a benchmark's, a screenshot's), deleted with all it holds when done. */
final class Scratch implements AutoCloseable {
    final Path dir;

    Scratch(String prefix) throws IOException {
        dir = Files.createTempDirectory(prefix);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
