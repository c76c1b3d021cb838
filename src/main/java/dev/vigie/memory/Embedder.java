package dev.vigie.memory;

import java.util.List;

/** Turns text into a vector whose cosine to another says how alike their meanings are. */
public interface Embedder {
    /** Names the model: an index built with another model is rebuilt. */
    String model();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
