package dev.vigie.ui.dashboard;

import dev.vigie.event.StoredIncident;
import dev.vigie.ui.State;
import dev.vigie.ui.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's banner: how things are in one sentence, for a glance. An open incident says what
 * is broken, where it began, since when, and the first thing to do; "All is well" only while data
 * arrives; "Not watching anything" when no source, replay or simulator is set.
 *
 * @param incidentId the incident it is about, or null
 * @param watching   whether any source is set (else the banner offers to add one)
 */
record Health(State state, String text, String incidentId, boolean watching) {
    /** The worst first: critical before warning, then the one that began first. */
    static final Comparator<StoredIncident> WORST = Comparator.comparing(StoredIncident::severity).reversed()
            .thenComparing(StoredIncident::start).thenComparing(StoredIncident::id);

    static Health of(List<StoredIncident> open, String firstAction, boolean watching, boolean arriving, boolean paused, ZoneId zone,
                     Texts texts) {
        if (!open.isEmpty()) {
            StoredIncident worst = open.stream().min(WORST).orElseThrow();
            String what = worst.cause() != null ? firstSentence(worst.cause())
                    : worst.domain() != null ? texts.format("health.domain", worst.domain()) : texts.get("incidents.analysing");
            String since = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone).format(worst.start());
            String text = texts.format("health.incident", texts.get("severity." + worst.severity().name()), worst.service(), what, since);
            if (!firstAction.isBlank()) {
                text += texts.format("health.first", firstAction);
            }
            if (open.size() > 1) {
                text += texts.format("health.more", open.size() - 1);
            }
            return new Health(State.of(worst.severity()), text, worst.id(), watching);
        }
        if (!watching) {
            return new Health(State.NO_DATA, texts.get("health.notWatching"), null, false);
        }
        if (paused) {
            return new Health(State.NO_DATA, texts.get("health.paused"), null, true);
        }
        return arriving ? new Health(State.OK, texts.get("health.ok"), null, true)
                : new Health(State.NO_DATA, texts.get("health.quiet"), null, true);
    }

    /** A cause's first sentence, without its end: a banner is read at a glance. */
    static String firstSentence(String cause) {
        int end = cause.length();
        for (String stop : new String[] {". ", "; ", ": "}) {
            int at = cause.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        String first = cause.substring(0, end).strip();
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
