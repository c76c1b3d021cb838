package dev.vigie.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every command. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $VIGIE_DATA_DIR, else $XDG_DATA_HOME/vigie, else ~/.local/share/vigie)")
    Path dataDir;

    public Path path() {
        return dataDir;
    }
}
