package dev.vigie.event;

import java.time.Instant;

/**
 * A dependency learned from the incidents: {@code service}'s lines led to {@code dependsOn} (named it,
 * pointed at its kind, shared a process or address with it) in {@code incidents} incidents, the first
 * and the last starting at {@code first} and {@code last} (event time).
 */
public record LearnedDependency(String service, String dependsOn, int incidents, Instant first, Instant last) {
}
