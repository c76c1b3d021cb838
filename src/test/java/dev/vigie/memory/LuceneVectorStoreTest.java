package dev.vigie.memory;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest extends VectorStoreContract {
    @TempDir
    Path dir;

    @Override
    VectorStore open() throws Exception {
        return new LuceneVectorStore(dir.resolve("memory"));
    }

    @Override
    VectorStore reopen(VectorStore closed) throws Exception {
        closed.close();
        return new LuceneVectorStore(dir.resolve("memory"));
    }
}
