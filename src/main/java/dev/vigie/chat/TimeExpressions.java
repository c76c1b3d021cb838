package dev.vigie.chat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time a question is about, in English or French: a clock time ("at 14:30", "à 9h",
 * "9 pm"), a span ("between 2 and 3 pm", "entre 14h et 15h", "this morning", "last night", "this
 * week"), a day ("yesterday", "hier", "le 14 mars", "March 14", "2026-03-14"), or a day and a time.
 * Relative days count from {@code now}, the newest event stored, in its zone: a replay of last
 * month is asked about as the day it was.
 */
final class TimeExpressions {
    /** A clock time names the minutes on either side of it. */
    static final long AROUND_MINUTES = 15;

    private static final String CLOCK = "(\\d{1,2})(?:\\s*[:h]\\s*(\\d{2})|\\s*h)?(?:\\s*(am|pm))?";
    private static final Pattern BETWEEN = Pattern.compile("\\b(?:between|entre|from|de)\\s+" + CLOCK + "\\s+(?:and|et|to|a)\\s+" + CLOCK + "\\b");
    private static final Pattern COLON = Pattern.compile("\\b(\\d{1,2}):(\\d{2})(?:\\s*(am|pm))?\\b");
    private static final Pattern FRENCH_H = Pattern.compile("\\b(\\d{1,2})\\s?h\\s?(\\d{2})?\\b");
    private static final Pattern MERIDIEM = Pattern.compile("\\b(\\d{1,2})\\s*(am|pm)\\b");
    private static final Pattern AT_HOUR = Pattern.compile("\\b(?:at|a|vers|around)\\s+(\\d{1,2})\\b(?!\\s*(?:\\d|[a-z]{3,}))");
    private static final Pattern ISO_DAY = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("janvier", 1), Map.entry("jan", 1), Map.entry("janv", 1),
            Map.entry("february", 2), Map.entry("fevrier", 2), Map.entry("feb", 2), Map.entry("fevr", 2),
            Map.entry("march", 3), Map.entry("mars", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("avril", 4), Map.entry("apr", 4), Map.entry("avr", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("june", 6), Map.entry("juin", 6), Map.entry("jun", 6),
            Map.entry("july", 7), Map.entry("juillet", 7), Map.entry("jul", 7), Map.entry("juil", 7),
            Map.entry("august", 8), Map.entry("aout", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("septembre", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("october", 10), Map.entry("octobre", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("novembre", 11), Map.entry("nov", 11),
            Map.entry("december", 12), Map.entry("decembre", 12), Map.entry("dec", 12));
    private static final String MONTH = "(" + String.join("|", MONTHS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) + ")";
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+" + MONTH + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");

    private TimeExpressions() {
    }

    static Optional<TimeRange> read(String question, ZonedDateTime now) {
        String q = Language.fold(question).replace('\u2019', '\'');
        LocalDate day = day(q, now);
        boolean dayNamed = day != null;
        if (day == null) {
            day = now.toLocalDate();
        }
        Matcher between = BETWEEN.matcher(q);
        if (between.find()) {
            String laterMeridiem = between.group(6);
            LocalTime from = clock(between.group(1), between.group(2), between.group(3) != null ? between.group(3) : laterMeridiem);
            LocalTime to = clock(between.group(4), between.group(5), laterMeridiem);
            if (from != null && to != null) {
                ZonedDateTime f = day.atTime(from).atZone(now.getZone());
                ZonedDateTime t = day.atTime(to).atZone(now.getZone());
                return Optional.of(TimeRange.between(f, t.isAfter(f) ? t : t.plusDays(1)));
            }
        }
        LocalTime at = clockTime(q);
        if (at != null) {
            return Optional.of(TimeRange.around(day.atTime(at).atZone(now.getZone()), AROUND_MINUTES));
        }
        Optional<TimeRange> part = partOfDay(q, day, now);
        if (part.isPresent()) {
            return part;
        }
        if (q.matches(".*\\b(this week|cette semaine|past week|last 7 days|7 derniers jours)\\b.*")) {
            return Optional.of(TimeRange.between(now.minusDays(7), now));
        }
        if (q.matches(".*\\b(last hour|past hour|derniere heure)\\b.*")) {
            return Optional.of(TimeRange.between(now.minusHours(1), now));
        }
        if (dayNamed) {
            ZonedDateTime start = day.atStartOfDay(now.getZone());
            return Optional.of(TimeRange.between(start, start.plusDays(1)));
        }
        return Optional.empty();
    }

    private static LocalDate day(String q, ZonedDateTime now) {
        if (q.matches(".*\\b(yesterday|hier)\\b.*")) {
            return now.toLocalDate().minusDays(1);
        }
        if (q.matches(".*\\b(today|aujourd'hui|aujourd hui)\\b.*")) {
            return now.toLocalDate();
        }
        Matcher iso = ISO_DAY.matcher(q);
        if (iso.find()) {
            return date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher dm = DAY_MONTH.matcher(q);
        if (dm.find()) {
            return recent(now, MONTHS.get(dm.group(2)), Integer.parseInt(dm.group(1)));
        }
        Matcher md = MONTH_DAY.matcher(q);
        if (md.find()) {
            return recent(now, MONTHS.get(md.group(1)), Integer.parseInt(md.group(2)));
        }
        return null;
    }

    /** A day without its year: the latest such day not after now. */
    private static LocalDate recent(ZonedDateTime now, int month, int dayOfMonth) {
        LocalDate d = date(now.getYear(), month, dayOfMonth);
        return d != null && d.isAfter(now.toLocalDate()) ? date(now.getYear() - 1, month, dayOfMonth) : d;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalTime clockTime(String q) {
        Matcher m = COLON.matcher(q);
        if (m.find()) {
            return clock(m.group(1), m.group(2), m.group(3));
        }
        m = MERIDIEM.matcher(q);
        if (m.find()) {
            return clock(m.group(1), null, m.group(2));
        }
        m = FRENCH_H.matcher(q);
        if (m.find()) {
            return clock(m.group(1), m.group(2), null);
        }
        m = AT_HOUR.matcher(q);
        if (m.find()) {
            return clock(m.group(1), null, null);
        }
        return null;
    }

    private static LocalTime clock(String hour, String minute, String meridiem) {
        int h = Integer.parseInt(hour);
        int m = minute == null ? 0 : Integer.parseInt(minute);
        if ("pm".equals(meridiem) && h < 12) {
            h += 12;
        } else if ("am".equals(meridiem) && h == 12) {
            h = 0;
        }
        return h < 24 && m < 60 ? LocalTime.of(h, m) : null;
    }

    private static Optional<TimeRange> partOfDay(String q, LocalDate day, ZonedDateTime now) {
        if (q.matches(".*\\b(last night|cette nuit|la nuit derniere|overnight)\\b.*")) {
            // the night that ended on the day asked about (today's, unless another day was named)
            ZonedDateTime end = day.atTime(6, 0).atZone(now.getZone());
            return Optional.of(TimeRange.between(end.minusHours(8), end));
        }
        int[] hours = q.matches(".*\\b(this morning|ce matin|morning|matin)\\b.*") ? new int[] {6, 12}
                : q.matches(".*\\b(this afternoon|cet apres-midi|cet apres midi|afternoon|apres-midi)\\b.*") ? new int[] {12, 18}
                : q.matches(".*\\b(this evening|tonight|ce soir|evening|soir)\\b.*") ? new int[] {18, 24} : null;
        if (hours == null) {
            return Optional.empty();
        }
        ZonedDateTime start = day.atStartOfDay(now.getZone());
        return Optional.of(TimeRange.between(start.plusHours(hours[0]), start.plusHours(hours[1])));
    }
}
