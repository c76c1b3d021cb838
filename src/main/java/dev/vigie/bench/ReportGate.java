package dev.vigie.bench;

/**
 * Turns a score stream into reports: a point is reported (its score passed on) only when it rises
 * above every score of the last {@code hold} points by a factor {@code rise}; otherwise 0. An
 * anomaly that lasts is reported once as it starts, not at every point of it, whatever threshold
 * the reader applies. A monotonic deque keeps the window's maximum in O(1) per point.
 */
final class ReportGate {
    private final double rise;
    private final int hold;
    private final double[] values;
    private final long[] at;
    private int head;
    private int tail;
    private long n;

    ReportGate(int hold, double rise) {
        this.rise = rise;
        this.hold = hold;
        // the hold's points and the new one, plus the slot that tells a full ring from an empty one
        this.values = new double[hold + 2];
        this.at = new long[hold + 2];
    }

    double pass(double score) {
        int cap = values.length;
        while (head != tail && at[head] < n - hold) {
            head = (head + 1) % cap;
        }
        double max = head == tail ? 0 : values[head];
        while (head != tail && values[(tail - 1 + cap) % cap] <= score) {
            tail = (tail - 1 + cap) % cap;
        }
        values[tail] = score;
        at[tail] = n++;
        tail = (tail + 1) % cap;
        return score > max * rise ? score : 0;
    }
}
