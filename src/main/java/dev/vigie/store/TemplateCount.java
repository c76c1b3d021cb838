package dev.vigie.store;

import java.time.Instant;

/** How many events of one template one service wrote in a span of time, and when the first and last were. */
public record TemplateCount(String templateId, String template, String service, long count, Instant first, Instant last) {
}
