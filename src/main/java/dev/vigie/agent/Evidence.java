package dev.vigie.agent;

/** One piece of text the offline analyst weighs: a log line, a template, an anomaly's sentence. */
record Evidence(String text, double weight) {
}
