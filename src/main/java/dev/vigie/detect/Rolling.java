package dev.vigie.detect;

/** The last {@code n} values of a per-minute count, zeros included: a baseline to compare a minute with. */
final class Rolling {
    private final long[] values;
    private int size;
    private int next;
    private long sum;

    Rolling(int n) {
        values = new long[n];
    }

    void add(long v) {
        if (size == values.length) {
            sum -= values[next];
        } else {
            size++;
        }
        values[next] = v;
        sum += v;
        next = (next + 1) % values.length;
    }

    int size() {
        return size;
    }

    long sum() {
        return sum;
    }

    double mean() {
        return size == 0 ? 0 : (double) sum / size;
    }

    /** How many of the kept minutes had a non-zero value. */
    int nonZero() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] != 0) {
                n++;
            }
        }
        return n;
    }
}
