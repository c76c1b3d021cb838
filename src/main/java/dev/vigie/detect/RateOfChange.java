package dev.vigie.detect;

/** The rate-of-change check: the global z-score of a point's step from the point before it, against every earlier step. */
final class RateOfChange {
    private final GlobalZScore steps;
    private double previous = Double.NaN;

    RateOfChange(double spreadFloor) {
        this.steps = new GlobalZScore(spreadFloor);
    }

    /** @return the z of the step to {@code v}; 0 for the first point, which has no step */
    double z(double v) {
        return steps.z(previous == previous ? v - previous : 0);
    }

    /** Remembers the point; its step from the one before joins the history of steps. */
    void add(double v) {
        if (previous == previous) {
            steps.add(v - previous);
        }
        previous = v;
    }
}
