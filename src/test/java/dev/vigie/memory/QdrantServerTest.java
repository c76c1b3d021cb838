package dev.vigie.memory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: the contract against a real Qdrant server when QDRANT_URL is set (its gRPC address, e.g.
 * http://localhost:6334; QDRANT_API_KEY if it wants one). No Qdrant server can run on CI machines.
 */
@EnabledIfEnvironmentVariable(named = "QDRANT_URL", matches = ".+")
class QdrantServerTest extends VectorStoreContract {
    static final String COLLECTION = "vigie_contract_test";

    @Override
    VectorStore open() {
        VectorStore s = connect();
        s.clear();
        return s;
    }

    @Override
    VectorStore reopen(VectorStore closed) {
        closed.close();
        return connect();
    }

    private static VectorStore connect() {
        return QdrantVectorStore.connect(System.getenv("QDRANT_URL"), System.getenv().getOrDefault("QDRANT_API_KEY", ""), COLLECTION);
    }

    @AfterEach
    void dropCollections() {
        store.clear();
    }
}
