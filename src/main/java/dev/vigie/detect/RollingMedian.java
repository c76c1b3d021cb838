package dev.vigie.detect;

import java.util.Arrays;

/** The median of the last N values: a sorted copy of the window updated by one removal and one insertion per value. */
final class RollingMedian {
    private final double[] ring;
    private final double[] sorted;
    private int size;
    private int next;

    RollingMedian(int capacity) {
        ring = new double[capacity];
        sorted = new double[capacity];
    }

    void add(double v) {
        if (size == ring.length) {
            // the oldest value's place becomes free: slide the values between it and the new one's place
            int at = Arrays.binarySearch(sorted, 0, size, ring[next]);
            if (v > sorted[at]) {
                while (at + 1 < size && sorted[at + 1] < v) {
                    sorted[at] = sorted[at + 1];
                    at++;
                }
            } else {
                while (at > 0 && sorted[at - 1] > v) {
                    sorted[at] = sorted[at - 1];
                    at--;
                }
            }
            sorted[at] = v;
            ring[next] = v;
            next = (next + 1) % ring.length;
            return;
        }
        ring[next] = v;
        next = (next + 1) % ring.length;
        int at = Arrays.binarySearch(sorted, 0, size, v);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = v;
        size++;
    }

    int size() {
        return size;
    }

    double median() {
        return (size & 1) == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
    }
}
