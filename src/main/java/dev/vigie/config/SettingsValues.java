package dev.vigie.config;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings as text, each with where it came from (a line of the settings file, an environment
 * variable, the command line, the default), read as typed values whose errors say where to fix them.
 */
final class SettingsValues {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();

    void put(String key, String value, String origin) {
        values.put(key, value.strip());
        origins.put(key, origin);
    }

    String text(String key) {
        return values.get(key);
    }

    /** A whole number from {@code min} to {@code max}; {@code unit} is what it counts, or empty. */
    long whole(String key, long min, long max, String unit) {
        String raw = text(key);
        try {
            BigDecimal v = new BigDecimal(raw);
            if (v.stripTrailingZeros().scale() <= 0 && v.compareTo(BigDecimal.valueOf(min)) >= 0
                    && v.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return v.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException ignored) {
            // said below
        }
        throw wrong(key, "must be a whole number " + (unit.isEmpty() ? "" : "of " + unit + " ") + "from " + min + " to " + max);
    }

    boolean flag(String key) {
        String raw = text(key).toLowerCase(Locale.ROOT);
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw wrong(key, "must be true or false");
    }

    String oneOf(String key, List<String> allowed) {
        String raw = text(key).toLowerCase(Locale.ROOT);
        if (allowed.contains(raw)) {
            return raw;
        }
        throw wrong(key, "must be one of " + String.join(", ", allowed));
    }

    /** From 1 (real time) up, or {@code max}: as fast as the pipeline goes. */
    double speed(String key) {
        String raw = text(key);
        if (raw.equalsIgnoreCase("max")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(raw);
            if (v >= 1 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw wrong(key, "is a speed from 1 (real time) up, or max");
    }

    /** The non-blank values of the keys that start with {@code prefix}, by the rest of their key. */
    Map<String, String> prefixed(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && !v.isBlank()) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    IllegalArgumentException wrong(String key, String what) {
        return new IllegalArgumentException(origins.get(key) + ": " + key + " " + what + "; got '" + text(key) + "'");
    }
}
