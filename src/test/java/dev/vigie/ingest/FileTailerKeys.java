package dev.vigie.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** A file's identity as the tailers see it, for tests in other packages. */
public final class FileTailerKeys {
    private FileTailerKeys() {
    }

    public static String of(Path path) throws IOException {
        return FileTailer.fileKey(path);
    }
}
