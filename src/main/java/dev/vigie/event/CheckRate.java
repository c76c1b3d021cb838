package dev.vigie.event;

/** How often a check fired: anomalies reported over windows examined. */
public record CheckRate(String check, long examined, long fired) {
    public double rate() {
        return examined == 0 ? 0 : (double) fired / examined;
    }
}
