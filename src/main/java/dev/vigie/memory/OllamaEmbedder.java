package dev.vigie.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import java.time.Duration;
import java.util.List;

/** Embeddings from an Ollama server's model (e.g. nomic-embed-text), for a team that prefers it to the in-process one. */
public final class OllamaEmbedder implements Embedder {
    private final String name;
    private final OllamaEmbeddingModel model;

    public OllamaEmbedder(String baseUrl, String name) {
        this.name = name;
        this.model = OllamaEmbeddingModel.builder().baseUrl(baseUrl).modelName(name).timeout(Duration.ofSeconds(60)).maxRetries(1).build();
    }

    @Override
    public String model() {
        return "ollama:" + name;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector).toList();
    }
}
