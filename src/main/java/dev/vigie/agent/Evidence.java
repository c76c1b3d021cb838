package dev.vigie.agent;

/**
 * One piece of text the offline analyst weighs: a log line, a template, an anomaly's sentence.
 *
 * @param record the number of the record it belongs to, in order: a stack frame shares its error line's
 */
record Evidence(String text, double weight, int record) {
}
