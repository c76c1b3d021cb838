package dev.vigie.pipeline.client;

/**
 * Whether the model answers.
 *
 * @param model  the model in use, when it answers
 * @param listed how many models the server lists
 * @param error  why the offline analyst is used instead, when it does not
 */
public record ModelStatus(boolean up, String model, int listed, String error) {
}
