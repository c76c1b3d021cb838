package dev.vigie.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The time a question is about, in the zone its clock times were read in.
 *
 * @param at the moment asked about when the question named one ("at 14:30"); null for a span
 */
record TimeRange(Instant from, Instant to, Instant at, ZoneId zone) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    static TimeRange around(ZonedDateTime t, long minutes) {
        return new TimeRange(t.minusMinutes(minutes).toInstant(), t.plusMinutes(minutes).toInstant(), t.toInstant(), t.getZone());
    }

    static TimeRange between(ZonedDateTime from, ZonedDateTime to) {
        return new TimeRange(from.toInstant(), to.toInstant(), null, from.getZone());
    }

    /** "around 09:06 on 2026-03-14 (UTC)", "entre 14:00 et 15:00 le 2026-03-14 (Europe/Paris)". */
    String describe(Language l) {
        ZonedDateTime f = from.atZone(zone);
        ZonedDateTime t = to.atZone(zone);
        String zoneName = " (" + zone.getId() + ")";
        if (at != null) {
            ZonedDateTime a = at.atZone(zone);
            return l.pick("around " + CLOCK.format(a) + " on " + DAY.format(a), "vers " + CLOCK.format(a) + " le " + DAY.format(a)) + zoneName;
        }
        if (f.toLocalDate().equals(t.toLocalDate()) || t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                && f.toLocalDate().plusDays(1).equals(t.toLocalDate())) {
            String end = t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : CLOCK.format(t);
            return l.pick("between " + CLOCK.format(f) + " and " + end + " on " + DAY.format(f),
                    "entre " + CLOCK.format(f) + " et " + end + " le " + DAY.format(f)) + zoneName;
        }
        return l.pick("from " + DAY.format(f) + " " + CLOCK.format(f) + " to " + DAY.format(t) + " " + CLOCK.format(t),
                "du " + DAY.format(f) + " " + CLOCK.format(f) + " au " + DAY.format(t) + " " + CLOCK.format(t)) + zoneName;
    }
}
