package dev.vigie.template;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A date written in words inside a message, {@code Sun Jul 17 07:07:00 2005} or {@code 8 May 2004
 * 09:04:50 EDT}: several tokens that are one value. It needs a month name, a day and a time.
 */
final class DateRun {
    private static final Set<String> DAYS = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final Set<String> MONTHS = Set.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december");
    private static final Set<String> ZONES = Set.of("utc", "gmt", "z", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst",
            "cet", "cest", "bst");

    private DateRun() {
    }

    /** How many tokens from {@code i} form a date, or 0. */
    static int length(List<String> tokens, int i) {
        int j = i;
        boolean month = false;
        boolean day = false;
        boolean time = false;
        if (j < tokens.size() && DAYS.contains(word(tokens.get(j)))) {
            j++;
        }
        while (j < tokens.size()) {
            String t = tokens.get(j);
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

    private static String word(String t) {
        int end = t.length();
        while (end > 0 && (t.charAt(end - 1) == ',' || t.charAt(end - 1) == '.')) {
            end--;
        }
        return t.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isDay(String t) {
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
    private static boolean isTime(String t) {
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
