package dev.vigie.template;

import java.util.Locale;
import java.util.Set;

/**
 * A date written in words inside a message, {@code Sun Jul 17 07:07:00 2005} or {@code 8 May 2004
 * 09:04:50 EDT}: several tokens that are one value. It needs a month name, a day and a time.
 */
final class DateRun {
    private static final Set<String> DAYS = cases("mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Set<String> MONTHS = cases("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december");
    private static final Set<String> ZONES = cases("utc", "gmt", "z", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst",
            "cet", "cest", "bst");

    private DateRun() {
    }

    /** Each name as written in lower case, Title case and UPPER case, so that lookups need no conversion. */
    static Set<String> cases(String... names) {
        Set<String> out = new java.util.HashSet<>();
        for (String n : names) {
            out.add(n);
            out.add(Character.toUpperCase(n.charAt(0)) + n.substring(1));
            out.add(n.toUpperCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    /** How many of the first {@code count} tokens from {@code i} form a date, or 0. */
    static int length(String[] tokens, int count, int i) {
        if (!maybeName(tokens[i]) && !(i + 1 < count && isDay(tokens[i]) && maybeName(tokens[i + 1]))) {
            return 0; // a date in words starts with a day or month name
        }
        int j = i;
        boolean month = false;
        boolean day = false;
        boolean time = false;
        if (j < count && DAYS.contains(word(tokens[j]))) {
            j++;
        }
        while (j < count) {
            String t = tokens[j];
            String w = word(t);
            if (!month && MONTHS.contains(w)) {
                month = true;
            } else if (!day && isDay(t)) {
                day = true;
            } else if (!time && isTime(t)) {
                time = true;
            } else if (time && (isYear(t) || ZONES.contains(w) || isOffset(t))) {
                // the year or zone after the time
            } else if (month && day && !time && isYear(t)) {
                // "Jul 17 2005 07:07:00"
            } else {
                break;
            }
            j++;
        }
        return month && day && time ? j - i : 0;
    }

    private static boolean maybeName(String t) {
        int n = t.length();
        return n >= 3 && n <= 10 && Masker.isLetter(t.charAt(0)) && Masker.isLetter(t.charAt(1)) && Masker.isLetter(t.charAt(2))
                && FIRST_LETTERS.indexOf(Character.toLowerCase(t.charAt(0))) >= 0;
    }

    private static final String FIRST_LETTERS = "mtwfsjaond";

    /** The token without a trailing comma or dot. */
    private static String word(String t) {
        int end = t.length();
        while (end > 0 && (t.charAt(end - 1) == ',' || t.charAt(end - 1) == '.')) {
            end--;
        }
        return end == t.length() ? t : t.substring(0, end);
    }

    private static boolean isDay(String t) {
        if (t.length() > 3 || !Masker.isDigit(t.charAt(0))) {
            return false;
        }
        String w = word(t);
        return (w.length() == 1 || w.length() == 2) && allDigits(w) && Integer.parseInt(w) >= 1 && Integer.parseInt(w) <= 31;
    }

    private static boolean isYear(String t) {
        String w = word(t);
        return w.length() == 4 && allDigits(w);
    }

    private static boolean isOffset(String t) {
        return t.length() == 5 && (t.charAt(0) == '+' || t.charAt(0) == '-') && allDigits(t.substring(1));
    }

    /** {@code 07:07:00}, {@code 7:07}, {@code 07:07:00.123} */
    static boolean isTime(String t) {
        String w = word(t);
        int colon = w.indexOf(':');
        if (colon < 1 || colon > 2) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!(c >= '0' && c <= '9' || c == ':' || c == '.')) {
                return false;
            }
        }
        return w.length() >= 4;
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }
}
