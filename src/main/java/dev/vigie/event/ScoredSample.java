package dev.vigie.event;

import dev.vigie.event.MetricSample;

/** A metric point as published once the detector has seen it: abnormal while any check finds it so. */
public record ScoredSample(MetricSample sample, boolean abnormal) {
}
