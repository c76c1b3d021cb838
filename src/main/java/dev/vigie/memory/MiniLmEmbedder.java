package dev.vigie.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;

/**
 * all-MiniLM-L6-v2 in-process (ONNX): no network, 384 dimensions. The model takes about two
 * seconds and some 100 MB to load, so it is loaded on the first text to embed, once per process,
 * on the caller's thread (never the FX thread: the memory is read and written on its own).
 */
public final class MiniLmEmbedder implements Embedder {
    public static final String MODEL = "all-minilm-l6-v2";

    private static volatile EmbeddingModel model;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        return loaded().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> all = loaded().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return all.stream().map(Embedding::vector).toList();
    }

    private static EmbeddingModel loaded() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (MiniLmEmbedder.class) {
                if (model == null) {
                    model = new AllMiniLmL6V2EmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }
}
