package dev.vigie.detect;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one service logged in one minute of event time, as the log checks read it. Maps are hashed
 * (this is filled once per event); whatever is written out is sorted on the way.
 */
final class Minute {
    static final Duration LENGTH = Duration.ofMinutes(1);
    private static final int SAMPLES = 3;
    private static final int SAMPLE_CHARS = 500;
    private static final int TEMPLATE_SAMPLES = 64;

    /** Lines of one kind (errors, exceptions): how many, of which templates, the first few and where they are. */
    static final class Tally {
        long count;
        final Map<String, Long> templates = new TreeMap<>();
        final List<String> samples = new ArrayList<>();
        /** {@code path@offset}: the byte offset just after the line in its file. */
        final List<String> lines = new ArrayList<>();

        void add(LogEvent e, String template, long offset) {
            count++;
            templates.merge(template, 1L, Long::sum);
            if (samples.size() < SAMPLES) {
                samples.add(sample(e));
                lines.add(lineId(e, offset));
            }
        }
    }

    final String service;
    final Instant start;
    long events;
    final Tally errors = new Tally();
    final Tally exceptions = new Tally();
    Level worst = Level.TRACE;
    Instant first;
    Instant last;
    /** Lines per template, and the worst level each was logged at. */
    final Map<String, Long> templates = new HashMap<>();
    final Map<String, Level> templateLevels = new HashMap<>();
    /** Templates first seen in this minute, with their first line. */
    final Map<String, String> newTemplates = new TreeMap<>();
    /** The first line of (up to 64) templates, and its id. */
    final Map<String, String> templateSamples = new HashMap<>();
    final Map<String, String> templateLines = new HashMap<>();
    /** From lines with an HTTP status (access logs): requests, 5xx answers, request times in ms. */
    long requests;
    long serverErrors;
    double[] requestTimes = new double[0];
    int timed;

    /** The newest event time any service had logged when this minute closed: whether the input went on. */
    Instant inputUntil;

    Minute(String service, Instant start) {
        this.service = service;
        this.start = start;
    }

    static Instant startOf(Instant t) {
        long ms = LENGTH.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), ms) * ms);
    }

    Instant end() {
        return start.plus(LENGTH);
    }

    void add(LogEvent e, boolean newTemplate, long offset) {
        events++;
        first = first == null || e.time().isBefore(first) ? e.time() : first;
        last = last == null || e.time().isAfter(last) ? e.time() : last;
        if (e.level().compareTo(worst) > 0) {
            worst = e.level();
        }
        String template = e.templateId() == null ? "?" : e.templateId();
        templates.merge(template, 1L, Long::sum);
        templateLevels.merge(template, e.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        if (templateSamples.size() < TEMPLATE_SAMPLES && !templateSamples.containsKey(template)) {
            templateSamples.put(template, sample(e));
            templateLines.put(template, lineId(e, offset));
        }
        if (newTemplate) {
            newTemplates.putIfAbsent(template, sample(e));
        }
        if (e.level().isErrorOrWorse()) {
            errors.add(e, template, offset);
        }
        if (e.hasException()) {
            exceptions.add(e, template, offset);
        }
        String status = e.fields().get("status");
        if (status != null && status.length() == 3 && Character.isDigit(status.charAt(0))) {
            addRequest(status, e.fields().get("request_time"));
        }
    }

    private void addRequest(String status, String requestTime) {
        requests++;
        if (status.charAt(0) == '5') {
            serverErrors++;
        }
        if (requestTime != null) {
            try {
                double ms = Double.parseDouble(requestTime) * 1000;
                if (timed == requestTimes.length) {
                    requestTimes = java.util.Arrays.copyOf(requestTimes, Math.max(64, timed * 2));
                }
                requestTimes[timed++] = ms;
            } catch (NumberFormatException ignored) {
                // a request time that is not a number: the request still counts
            }
        }
    }

    static String lineId(LogEvent e, long offset) {
        return offset < 0 ? e.source() : e.source() + "@" + offset;
    }

    private static String sample(LogEvent e) {
        return e.raw().length() > SAMPLE_CHARS ? e.raw().substring(0, SAMPLE_CHARS) : e.raw();
    }

    /** Where an anomaly about this minute starts and ends: its lines, or the minute itself when it had none. */
    Instant from() {
        return first != null ? first : start;
    }

    Instant to() {
        return last != null ? last : end();
    }
}
