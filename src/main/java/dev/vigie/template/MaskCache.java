package dev.vigie.template;

/**
 * Masked tokens by the hash of their shape (their characters, each run of digits reduced to its
 * length and whether it is a lone 0), for shapes whose masked form keeps no digit: the masker decides
 * by shape, never by the value of a digit, so every token of such a shape masks to the same text. Bounded; when full it starts
 * again empty.
 */
final class MaskCache {
    private static final int CAPACITY = 1 << 13;

    private final long[] keys = new long[CAPACITY];
    private final String[] texts = new String[CAPACITY];
    private final long[] hashes = new long[CAPACITY];
    private int size;

    /** The slot holding {@code shape}, or -1. */
    int find(long shape) {
        int mask = CAPACITY - 1;
        for (int slot = slot(shape); ; slot = (slot + 1) & mask) {
            if (texts[slot] == null) {
                return -1;
            }
            if (keys[slot] == shape) {
                return slot;
            }
        }
    }

    String text(int slot) {
        return texts[slot];
    }

    long hash(int slot) {
        return hashes[slot];
    }

    void put(long shape, String masked, long hash) {
        if (hasDigit(masked) || find(shape) >= 0) {
            return; // a digit kept means the value shows through: not the same for every token of the shape
        }
        if (size * 4 >= CAPACITY * 3) {
            java.util.Arrays.fill(texts, null);
            size = 0;
        }
        int mask = CAPACITY - 1;
        int slot = slot(shape);
        while (texts[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = shape;
        texts[slot] = masked;
        hashes[slot] = hash;
        size++;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (CAPACITY - 1);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
