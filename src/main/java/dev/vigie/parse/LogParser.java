package dev.vigie.parse;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw records into {@link LogEvent}s. Each source's format is sniffed from its lines (the
 * format that has read the most of them is tried first, the others after it), unless the source has
 * one set. A record no format reads is kept as a plain event; a record without a usable time
 * borrows the previous event's time in its source (or the clock's, for the first) and says so.
 */
public final class LogParser {
    /** Times before this, or more than a year ahead of the clock, are not believed. */
    private static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:00Z");
    private static final Duration LATEST_AHEAD = Duration.ofDays(366);

    private record Rule(PathMatcher matcher, LogFormat format) {
    }

    /** Marks, in the per-source cache, a source whose format is sniffed. */
    private static final LogFormat NONE = new PlainFormat();

    private final Clock clock;
    private final LogFormat forced;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Sniffer> sniffers = new HashMap<>();
    /** Per source, where its times were found by scanning. */
    private final Map<String, TimeScan.Learned> scans = new HashMap<>();
    private static final String NO_TIME = "none found: times inferred";
    private final Map<String, String> phrases = new HashMap<>();
    /** Per source, how many lines had their time read each way. */
    private final Map<String, Map<String, Long>> layouts = new HashMap<>();
    private final Map<String, Instant> lastTime = new HashMap<>();
    /** Per source, what a year-less time is read against before the source gave a time of its own. */
    private final Map<String, Instant> references = new HashMap<>();
    private final Map<String, String> services = new HashMap<>();
    private final Map<String, LogFormat> forcedBySource = new HashMap<>();

    public LogParser(Clock clock) {
        this(clock, Formats.AUTO, Map.of());
    }

    /**
     * @param format   the format of every source, or {@code auto} to sniff
     * @param perGlob  formats of the sources matching each glob; they win over {@code format}
     */
    public LogParser(Clock clock, String format, Map<String, String> perGlob) {
        this.clock = clock;
        this.forced = Formats.AUTO.equalsIgnoreCase(format.strip()) ? null : Formats.named(format);
        perGlob.forEach((glob, spec) -> rules.add(new Rule(
                FileSystems.getDefault().getPathMatcher("glob:" + glob), Formats.named(spec))));
    }

    /**
     * A source's formats in the order to try them, best first. A source none of them has read in
     * {@link #UNREAD} lines in a row is written in none of them (HDFS, a custom layout): its lines
     * go straight to the time scan, and one line in {@link #RETRY} is still offered to the formats
     * in case the source changes.
     */
    private static final class Sniffer {
        static final int UNREAD = 1_000;
        static final int RETRY = 256;
        private final List<LogFormat> order = new ArrayList<>(Formats.SNIFFED);
        private final Map<LogFormat, Integer> hits = new HashMap<>();
        private long missed;

        Parsed parse(String line, Instant reference) {
            if (missed >= UNREAD && (missed++ - UNREAD) % RETRY != 0) {
                return null;
            }
            Parsed read = tryAll(line, reference);
            if (read != null) {
                missed = 0;
            } else if (missed < UNREAD) {
                missed++;
            }
            return read;
        }

        private Parsed tryAll(String line, Instant reference) {
            for (int i = 0; i < order.size(); i++) {
                LogFormat f = order.get(i);
                Parsed p = f.parse(line, reference);
                if (p != null) {
                    int n = hits.merge(f, 1, Integer::sum);
                    // move up past the formats that have read fewer lines
                    int j = i;
                    while (j > 0 && hits.getOrDefault(order.get(j - 1), 0) < n) {
                        j--;
                    }
                    if (j != i) {
                        order.remove(i);
                        order.add(j, f);
                    }
                    return p;
                }
            }
            return null;
        }

        String best() {
            return order.get(0).name();
        }
    }

    /** @return the event, or null when the record holds nothing usable (blank, binary garbage) */
    public LogEvent parse(RawRecord record) {
        String text = record.text();
        if (text.isBlank()) {
            return null;
        }
        if (isGarbage(text)) {
            return null; // the caller counts it: a non-blank record that gave no event
        }
        String head = firstLine(text);
        String source = record.source();
        Instant now = clock.instant();
        Instant reference = reference(source, now);
        Parsed p = read(source, head, reference);

        // every format builds a fresh map for its line: it is ours to complete
        Map<String, String> fields = p == null ? new LinkedHashMap<>() : p.fields();
        Instant time = p == null ? null : p.time();
        String scannedMessage = null;
        String layout = time == null ? null : formatPhrase(source);
        if (time == null) {
            // no format put a time first: one may sit in another field (a compact date, an epoch column…)
            TimeScan.Found found = scan(source, head, reference);
            if (found != null) {
                time = found.instant();
                layout = found.description();
                scannedMessage = p == null ? withoutTime(head, found) : null;
            }
        }
        if (time != null && !plausible(time, now)) {
            fields.put("time_absurd", time.toString());
            time = null;
        }
        boolean inferred = time == null;
        layouts.computeIfAbsent(source, s -> new HashMap<>()).merge(inferred ? NO_TIME : layout, 1L, Long::sum);
        if (inferred) {
            Instant previous = lastTime.get(source);
            time = previous != null ? previous : now;
        }
        lastTime.put(source, time);
        if (record.has(RawRecord.TRUNCATED)) {
            fields.put("truncated", "true");
        }
        if (record.has(RawRecord.INVALID_UTF8)) {
            fields.put("invalid_utf8", "true");
        }
        Level level = p == null || p.level() == null ? LevelKeywords.writtenOrInferred(head, fields) : p.level();
        String message = p == null ? (scannedMessage != null ? scannedMessage : head) : p.message();
        String service = p != null && p.service() != null && !p.service().isBlank()
                ? p.service() : services.computeIfAbsent(source, ServiceNames::fromSource);
        return new LogEvent(time, source, service, level, message, fields, text, inferred, null);
    }

    private static boolean plausible(Instant time, Instant now) {
        return !time.isBefore(EARLIEST) && !time.isAfter(now.plus(LATEST_AHEAD));
    }

    /**
     * The message {@link #parse} would give the line, and nothing else (no level, no fields, no
     * tally of time layouts): what {@code vigie templates} mines, at a fraction of the cost.
     */
    public String message(String source, String line) {
        if (line.isBlank() || isGarbage(line)) {
            return "";
        }
        String head = firstLine(line);
        Instant now = clock.instant();
        Instant reference = reference(source, now);
        Parsed p = read(source, head, reference);
        if (p != null && p.time() != null) {
            if (plausible(p.time(), now)) {
                lastTime.put(source, p.time());
            }
            return p.message();
        }
        TimeScan.Found found = scan(source, head, reference);
        if (found != null && plausible(found.instant(), now)) {
            lastTime.put(source, found.instant());
        }
        return p != null ? p.message() : found == null ? head : withoutTime(head, found);
    }

    /** What a line's year-less time is read against: the source's last time, else when its file was last written. */
    private Instant reference(String source, Instant now) {
        Instant previous = lastTime.get(source);
        return previous != null ? previous : references.computeIfAbsent(source, s -> lastWritten(s, now));
    }

    /** A time anywhere in the first fields, where and as the source's times were found before. */
    private TimeScan.Found scan(String source, String head, Instant reference) {
        return TimeScan.time(head, reference, scans.computeIfAbsent(source, x -> new TimeScan.Learned()));
    }

    private static String withoutTime(String head, TimeScan.Found found) {
        return (head.substring(0, found.start()) + head.substring(found.end())).strip();
    }

    /**
     * When the source's file was last written, if it is a file and that is not ahead of now: a
     * year-less time ({@code Mar 14 09:30:15}) is the last such moment before it. The same file
     * replayed next year gives the same times, which the clock would not.
     */
    private static Instant lastWritten(String source, Instant now) {
        try {
            Path path = Path.of(source);
            if (Files.isRegularFile(path)) {
                Instant written = Files.getLastModifiedTime(path).toInstant();
                return written.isBefore(now) ? written : now;
            }
        } catch (java.nio.file.InvalidPathException | java.io.IOException | SecurityException e) {
            // not a file of ours: the clock
        }
        return now;
    }

    private Parsed read(String source, String line, Instant reference) {
        LogFormat format = rules.isEmpty() ? forced : forcedBySource.computeIfAbsent(source, this::forcedFor);
        if (format != null && format != NONE) {
            return format.parse(line, reference);
        }
        return sniffers.computeIfAbsent(source, s -> new Sniffer()).parse(line, reference);
    }

    private LogFormat forcedFor(String source) {
        Path path = Path.of(source);
        for (Rule r : rules) {
            if (r.matcher().matches(path)) {
                return r.format();
            }
        }
        return forced == null ? NONE : forced;
    }

    /** How the source's event times are read: the layout most of its lines had so far, or null before any. */
    public String timeLayout(String source) {
        Map<String, Long> seen = layouts.get(source);
        return seen == null ? null : seen.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
    }

    /** How a format's times are described, made once per format name: this runs for every line. */
    private String formatPhrase(String source) {
        LogFormat forcedFormat = rules.isEmpty() ? forced : forcedBySource.get(source);
        String name = forcedFormat != null && forcedFormat != NONE ? forcedFormat.name()
                : sniffers.containsKey(source) ? sniffers.get(source).best() : "its";
        return phrases.computeIfAbsent(name, n -> "as the " + n + " format writes them");
    }

    /** The format each source has been read with so far. */
    public Map<String, String> formats() {
        Map<String, String> out = new LinkedHashMap<>();
        sniffers.forEach((source, s) -> out.put(source, s.best()));
        return out;
    }

    /** The event time written in one line, or null when it holds none (e.g. a stack frame). */
    public Instant timeOf(String line) {
        if (line.isBlank()) {
            return null;
        }
        for (LogFormat f : Formats.SNIFFED) {
            Parsed p = f.parse(line, clock.instant());
            if (p != null) {
                return p.time();
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** Mostly control characters or replacement characters: not a log line. */
    private static boolean isGarbage(String text) {
        int bad = 0;
        int n = Math.min(text.length(), 1024);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n')) {
                bad++;
            }
        }
        return bad * 10 > n * 3;
    }
}
