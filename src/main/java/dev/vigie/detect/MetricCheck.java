package dev.vigie.detect;

import dev.vigie.event.MetricSample;

/** A check of one metric point against what came before it (never after: detection is causal). */
interface MetricCheck {
    String name();

    /** @return the finding, or null when the point is normal for this check */
    Finding evaluate(MetricSample sample, SeriesWindow before);
}
