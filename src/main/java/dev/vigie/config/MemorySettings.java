package dev.vigie.config;

/**
 * Where the memory keeps its vectors and how it makes them. The Qdrant API key comes from the
 * environment only ({@code VIGIE_QDRANT_API_KEY}) and never appears in {@link #toString()}.
 *
 * @param backend    {@code lucene} (an index in the data directory) or {@code qdrant}
 * @param qdrantUrl  Qdrant's gRPC address, e.g. {@code http://localhost:6334}
 * @param embeddings {@code minilm} (in-process) or {@code ollama:<model>} (e.g. {@code ollama:nomic-embed-text})
 */
public record MemorySettings(String backend, String qdrantUrl, String qdrantCollection, String qdrantApiKey, String embeddings) {
    @Override
    public String toString() {
        return "MemorySettings[backend=" + backend + ", qdrantUrl=" + qdrantUrl + ", qdrantCollection=" + qdrantCollection
                + ", qdrantApiKey=" + (qdrantApiKey.isEmpty() ? "" : "***") + ", embeddings=" + embeddings + "]";
    }
}
