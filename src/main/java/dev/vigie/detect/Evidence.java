package dev.vigie.detect;

import dev.vigie.event.Severity;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * How strong a finding is. Severity follows evidence, as the best tools grade it: critical only with
 * error events, a sustained duration and a large rise; a warning needs a statistically clear
 * excess; the rest is information.
 */
final class Evidence {
    /** Minutes in a row that make a finding sustained. */
    static final int SUSTAINED_MINUTES = 3;
    /** Times its baseline that make a rise large. */
    static final double LARGE_RISE = 10;
    /** Upper-tail probability under the baseline below which a count is an excess. */
    static final double SIGNIFICANT = 1e-4;
    /** The least rate a baseline is taken to have, per minute: nothing seen is not "never". */
    static final double FLOOR_PER_MINUTE = 0.1;

    private Evidence() {
    }

    static Severity severity(boolean errorEvents, boolean significant, int minutesInARow, double rise) {
        if (errorEvents && significant && minutesInARow >= SUSTAINED_MINUTES && rise >= LARGE_RISE) {
            return Severity.CRITICAL;
        }
        return significant ? Severity.WARNING : Severity.INFO;
    }

    /** P(X ≥ count) for a Poisson count whose mean is the baseline (floored). */
    static double poissonTail(long count, double baseline) {
        double mean = Math.max(baseline, FLOOR_PER_MINUTE);
        if (count <= 0) {
            return 1;
        }
        return 1 - new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).cumulativeProbability((int) Math.min(count - 1, Integer.MAX_VALUE));
    }

    static double rise(double value, double baseline) {
        return value / Math.max(baseline, FLOOR_PER_MINUTE);
    }

    /** A score in [0, 1] from a tail probability: 0 at p = 1, 1 at p ≤ 1e-12. */
    static double score(double tail) {
        if (tail <= 0) {
            return 1;
        }
        return Math.min(1, -Math.log10(tail) / 12);
    }
}
