package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model run directly, texts side by side, gives LangChain4j's own vectors, each whatever its company. */
class MiniLmEmbedderTest {
    @Test
    void theSameVectorsAsTheLibrarysOneTextAtATime() {
        List<String> texts = new ArrayList<>(List.of("", "disk full", "le disque est plein : plus de place sur /var",
                "api incident, CRITICAL, database: the connection pool is exhausted\nlog: HikariPool-1 - Connection is not available, "
                        + "request timed out after <*>ms"));
        for (int i = 0; i < 20; i++) {
            texts.add("request " + i + " failed " + "again ".repeat(i));
        }
        List<float[]> ours = new MiniLmEmbedder().embedAll(texts);
        AllMiniLmL6V2QuantizedEmbeddingModel library = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (int i = 1; i < texts.size(); i++) {
            float[] theirs = library.embed(texts.get(i)).content().vector();
            assertThat(VectorStoreContract.cosine(ours.get(i), theirs)).as(texts.get(i)).isCloseTo(1, within(1e-4));
            assertThat(ours.get(i)).hasSize(384);
        }
        assertThat(ours.get(0)).as("an empty text has a vector too").hasSize(384);
        assertThat(new MiniLmEmbedder().embed("disk full")).as("alone or among others: a text's vector is its own")
                .containsExactly(ours.get(1));
        assertThat(new MiniLmEmbedder().embedAll(List.of("disk full", "le disque est plein : plus de place sur /var")).get(0))
                .containsExactly(ours.get(1));
    }

    @Test
    void relatedTextsAreCloserThanUnrelatedOnes() {
        MiniLmEmbedder model = new MiniLmEmbedder();
        List<float[]> v = model.embedAll(List.of("database connection pool exhausted", "HikariPool: connection is not available, timed out",
                "TLS certificate expired for the tunnel"));
        assertThat(VectorStoreContract.cosine(v.get(0), v.get(1))).isGreaterThan(VectorStoreContract.cosine(v.get(0), v.get(2)) + 0.1);
    }
}
