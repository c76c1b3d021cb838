package dev.vigie.detect;

/**
 * The median of the last N values: a sorted copy of the window, updated by sliding the values
 * between the oldest one's place and the new one's by one. Each slot of the window knows its place
 * in the sorted copy, so the oldest value is found without a search.
 */
final class RollingMedian {
    private final double[] sorted;
    /** Per sorted place, the window slot of its value; per window slot, its sorted place. */
    private final int[] slotAt;
    private final int[] placeOf;
    private int size;
    private int next;

    RollingMedian(int capacity) {
        sorted = new double[capacity];
        slotAt = new int[capacity];
        placeOf = new int[capacity];
    }

    void add(double v) {
        int at;
        if (size == sorted.length) {
            at = placeOf[next]; // the oldest value's place becomes free
            if (v > sorted[at]) {
                while (at + 1 < size && sorted[at + 1] < v) {
                    move(at + 1, at);
                    at++;
                }
            } else {
                while (at > 0 && sorted[at - 1] > v) {
                    move(at - 1, at);
                    at--;
                }
            }
        } else {
            at = size++;
            while (at > 0 && sorted[at - 1] > v) {
                move(at - 1, at);
                at--;
            }
        }
        sorted[at] = v;
        slotAt[at] = next;
        placeOf[next] = at;
        next = next + 1 == sorted.length ? 0 : next + 1;
    }

    private void move(int from, int to) {
        sorted[to] = sorted[from];
        int slot = slotAt[from];
        slotAt[to] = slot;
        placeOf[slot] = to;
    }

    int size() {
        return size;
    }

    double median() {
        return (size & 1) == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
    }
}
