package dev.vigie.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model run directly and in batches gives LangChain4j's own vectors, whatever the batch's lengths. */
class MiniLmEmbedderTest {
    @Test
    void theSameVectorsAsTheLibrarysOneTextAtATime() {
        List<String> texts = new ArrayList<>(List.of("", "disk full", "le disque est plein : plus de place sur /var",
                "api incident, CRITICAL, database: the connection pool is exhausted\nlog: HikariPool-1 - Connection is not available, "
                        + "request timed out after <*>ms"));
        for (int i = 0; i < 2 * MiniLmEmbedder.BATCH; i++) {
            texts.add("request " + i + " failed " + "again ".repeat(i));
        }
        List<float[]> ours = new MiniLmEmbedder().embedAll(texts);
        AllMiniLmL6V2EmbeddingModel library = new AllMiniLmL6V2EmbeddingModel();
        for (int i = 1; i < texts.size(); i++) {
            float[] theirs = library.embed(texts.get(i)).content().vector();
            assertThat(VectorStoreContract.cosine(ours.get(i), theirs)).as(texts.get(i)).isCloseTo(1, within(1e-4));
            assertThat(ours.get(i)).hasSize(384);
        }
        assertThat(ours.get(0)).as("an empty text has a vector too").hasSize(384);
        assertThat(VectorStoreContract.cosine(new MiniLmEmbedder().embed("disk full"), ours.get(1))).as("alone or in a batch")
                .isCloseTo(1, within(1e-5));
    }
}
