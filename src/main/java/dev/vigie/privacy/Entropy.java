package dev.vigie.privacy;

/**
 * Whether a value reads as random, as generated secrets do: long, mixing letters with digits, and
 * with a high Shannon entropy per character. Words, dates, versions and counters do not.
 */
final class Entropy {
    static final int MIN_LENGTH = 16;
    static final double MIN_BITS_PER_CHAR = 3.5;

    private Entropy() {
    }

    static boolean random(String value) {
        if (value.length() < MIN_LENGTH) {
            return false;
        }
        boolean letter = value.chars().anyMatch(Character::isLetter);
        boolean digit = value.chars().anyMatch(Character::isDigit);
        return letter && digit && bitsPerChar(value) >= MIN_BITS_PER_CHAR;
    }

    static double bitsPerChar(String value) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        double n = value.length();
        for (int c : counts) {
            if (c > 0) {
                bits -= c / n * (Math.log(c / n) / Math.log(2));
            }
        }
        if (other > 0) {
            bits -= other / n * (Math.log(other / n) / Math.log(2));
        }
        return bits;
    }
}
