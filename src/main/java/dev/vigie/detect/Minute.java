package dev.vigie.detect;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one service logged in one minute of event time, as the log checks read it. */
final class Minute {
    static final Duration LENGTH = Duration.ofMinutes(1);
    private static final int SAMPLES = 3;
    private static final int SAMPLE_CHARS = 500;

    final String service;
    final Instant start;
    long events;
    long errors;
    long exceptions;
    Level worst = Level.TRACE;
    Instant first;
    Instant last;
    /** Lines per template, and the worst level each was logged at. */
    final Map<String, Long> templates = new TreeMap<>();
    final Map<String, Level> templateLevels = new TreeMap<>();
    final Map<String, Long> errorTemplates = new TreeMap<>();
    final Map<String, Long> exceptionTemplates = new TreeMap<>();
    final List<String> errorSamples = new ArrayList<>();
    final List<String> exceptionSamples = new ArrayList<>();
    /** Where the sampled lines are: {@code path@offset}, the byte offset just after the line in its file. */
    final List<String> errorLines = new ArrayList<>();
    final List<String> exceptionLines = new ArrayList<>();
    /** Templates first seen in this minute, with their first line. */
    final Map<String, String> newTemplates = new TreeMap<>();
    final Map<String, String> templateSamples = new TreeMap<>();
    /** The first line of each template in this minute, by id ({@code path@offset}). */
    final Map<String, String> templateLines = new TreeMap<>();

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
        if (templateSamples.size() < 64 && !templateSamples.containsKey(template)) {
            templateSamples.put(template, sample(e));
            templateLines.put(template, lineId(e, offset));
        }
        if (newTemplate) {
            newTemplates.putIfAbsent(template, sample(e));
        }
        if (e.level().isErrorOrWorse()) {
            errors++;
            errorTemplates.merge(template, 1L, Long::sum);
            if (errorSamples.size() < SAMPLES) {
                errorSamples.add(sample(e));
                errorLines.add(lineId(e, offset));
            }
        }
        if (e.hasException()) {
            exceptions++;
            exceptionTemplates.merge(template, 1L, Long::sum);
            if (exceptionSamples.size() < SAMPLES) {
                exceptionSamples.add(sample(e));
                exceptionLines.add(lineId(e, offset));
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
