package dev.vigie.detect;

/** The last points of a series before the one being checked (a ring buffer). */
final class SeriesWindow {
    private final double[] values;
    private int size;
    private int next;

    SeriesWindow(int capacity) {
        values = new double[capacity];
    }

    void add(double v) {
        values[next] = v;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    int size() {
        return size;
    }

    double mean() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    double std(double mean) {
        double sq = 0;
        for (int i = 0; i < size; i++) {
            double d = values[i] - mean;
            sq += d * d;
        }
        return size > 1 ? Math.sqrt(sq / (size - 1)) : 0;
    }
}
