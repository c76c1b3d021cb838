package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same contract as the embedded index, against an in-process server that speaks Qdrant's gRPC API. */
class QdrantVectorStoreTest extends VectorStoreContract {
    FakeQdrant server;

    @Override
    VectorStore open() throws Exception {
        server = new FakeQdrant();
        return new QdrantVectorStore(server.client(), "vigie_memory", "in-process");
    }

    @Override
    VectorStore reopen(VectorStore closed) {
        closed.close();
        return new QdrantVectorStore(server.client(), "vigie_memory", "in-process");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theCollectionAndItsPayloadIndexesAreCreatedOnFirstUse() {
        assertThat(server.collections).isEmpty();
        store.upsert(corpus().subList(0, 3));
        assertThat(server.sizes).containsEntry("vigie_memory", DIMENSIONS);
        assertThat(server.indexes.get("vigie_memory")).containsExactlyInAnyOrder("kind:FieldTypeKeyword", "service:FieldTypeKeyword",
                "domain:FieldTypeKeyword", "words:FieldTypeKeyword", "time:FieldTypeInteger");
        store.upsert(corpus().subList(3, 6));
        assertThat(server.indexes.get("vigie_memory")).as("once").hasSize(5);
    }

    @Test
    void aServerThatIsGoneIsAClearError() {
        server.close();
        assertThatThrownBy(() -> store.count()).hasMessageStartingWith("cannot look for collection vigie_memory in Qdrant at in-process");
    }

    @Test
    void aURLWithoutAHostIsRefused() {
        assertThatThrownBy(() -> QdrantVectorStore.connect("localhost", "", "c")).hasMessageContaining("names no host");
    }
}
