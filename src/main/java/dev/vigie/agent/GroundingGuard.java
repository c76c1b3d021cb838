package dev.vigie.agent;

import dev.vigie.incident.FactsJson;
import dev.vigie.incident.FactsReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that what an analyst's text cites — numbers, times, metric names, quoted lines or
 * templates — is found in the facts. Ungrounded claims are marked in the text and counted, so a
 * reader can tell a measured number from an invented one ({@code grounded: 11/12 claims}).
 */
final class GroundingGuard {
    static final String MARK = " [not in the facts]";
    private static final Pattern TIME = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2})?Z?|\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{6,})\"|`([^`]{6,})`");
    /** A metric's name: snake_case ending like one ({@code _ms}, {@code _usage}, {@code _p95}…), not any identifier. */
    private static final Pattern METRIC = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:ms|s|seconds|usage|rate|ratio|count|"
            + "total|bytes|percent|p50|p90|p95|p99|min|per_s|per_min|connections|events|errors|requests|latency|lag|depth)\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.:/-])-?\\d+(?:\\.\\d+)?(?![\\w:/-]|\\.\\d)(\\s?(?:%|ms|s|σ|x|×|MB|GB))?");
    private static final Pattern FACT_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /**
     * @param marked     the text with each ungrounded claim followed by {@link #MARK}
     * @param ungrounded the claims not found, in order
     */
    record Verdict(int claims, int grounded, List<String> ungrounded, String marked) {
        double share() {
            return claims == 0 ? 1 : (double) grounded / claims;
        }
    }

    private final String haystack;
    private final List<Double> numbers = new ArrayList<>();

    GroundingGuard(FactsReport facts) {
        this.haystack = FactsJson.write(facts);
        Matcher m = FACT_NUMBER.matcher(haystack);
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
    }

    Verdict check(String text) {
        Set<String> ungrounded = new LinkedHashSet<>();
        int claims = 0;
        int grounded = 0;
        StringBuilder rest = new StringBuilder(text);
        // quoted text first, then times, names and numbers outside what was already checked
        for (Matcher m = QUOTED.matcher(text); m.find(); ) {
            String quote = m.group(1) != null ? m.group(1) : m.group(2);
            claims++;
            if (contains(quote)) {
                grounded++;
            } else {
                ungrounded.add(m.group());
            }
            blank(rest, m.start(), m.end());
        }
        for (Matcher m = TIME.matcher(rest); m.find(); ) {
            claims++;
            String t = m.group();
            if (haystack.contains(t.length() <= 8 ? "T" + (t.length() == 4 ? "0" + t : t) : t) || haystack.contains(" " + t)) {
                grounded++;
            } else {
                ungrounded.add(t);
            }
            blank(rest, m.start(), m.end());
        }
        for (Matcher m = METRIC.matcher(rest); m.find(); ) {
            claims++;
            if (haystack.contains(m.group())) {
                grounded++;
            } else {
                ungrounded.add(m.group());
            }
            blank(rest, m.start(), m.end());
        }
        for (Matcher m = NUMBER.matcher(rest); m.find(); ) {
            String number = m.group().replaceAll("[^0-9.-]", "");
            double v = Double.parseDouble(number);
            if (m.group(1) == null && v == Math.rint(v) && Math.abs(v) <= 10) {
                continue; // list markers, P1–P3, small counts: not measurements
            }
            claims++;
            if (isFactNumber(v, number)) {
                grounded++;
            } else {
                ungrounded.add(m.group().strip());
            }
        }
        String marked = text;
        for (String claim : ungrounded) {
            marked = marked.replace(claim, claim + MARK);
        }
        return new Verdict(claims, grounded, List.copyOf(ungrounded), marked);
    }

    private boolean contains(String quote) {
        String q = quote.strip().toLowerCase(Locale.ROOT);
        return haystack.toLowerCase(Locale.ROOT).contains(q) || haystack.toLowerCase(Locale.ROOT).contains(q.replace("\"", "\\\""));
    }

    /** Equal to a number in the facts at the precision the claim was written with. */
    private boolean isFactNumber(double v, String written) {
        int dot = written.indexOf('.');
        double half = 0.5 * Math.pow(10, dot < 0 ? 0 : -(written.length() - dot - 1));
        for (double f : numbers) {
            if (Math.abs(f - v) <= half + 1e-9 || Math.abs(f * 100 - v) <= half + 1e-9) {
                return true; // a ratio in the facts may be said as a percentage
            }
        }
        return false;
    }

    private static void blank(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) {
            s.setCharAt(i, ' ');
        }
    }
}
