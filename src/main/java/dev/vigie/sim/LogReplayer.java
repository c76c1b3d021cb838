package dev.vigie.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Replays recorded log files as a live stream: each record is appended to a file of the same name
 * in the spool directory when the replay clock reaches its time, so the cockpit tails it exactly
 * as it would tail a real log. Records without a readable time follow the record before them.
 */
public final class LogReplayer {
    private record Entry(Instant time, String file, String text) {
    }

    private final List<Entry> entries;
    private final Path spool;
    private final Map<String, BufferedWriter> writers = new HashMap<>();
    private int next;

    /**
     * @param timeOf reads a line's event time, or null when it has none (a continuation line)
     */
    public LogReplayer(Path recordings, Path spool, Function<String, Instant> timeOf) throws IOException {
        this.spool = spool;
        List<Entry> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(recordings)) {
            files = list.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path f : files) {
            Instant previous = null;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Instant t = timeOf.apply(line);
                Instant at = t != null ? t : previous;
                if (at == null) {
                    continue;
                }
                all.add(new Entry(at, f.getFileName().toString(), line));
                previous = at;
            }
        }
        all.sort(Comparator.comparing(Entry::time)); // stable: continuation lines keep their place
        this.entries = List.copyOf(all);
    }

    /** Event time of the first record, where the replay clock should start. */
    public Instant firstTime() {
        return entries.isEmpty() ? Instant.now() : entries.get(0).time();
    }

    public int total() {
        return entries.size();
    }

    public synchronized int replayed() {
        return next;
    }

    public synchronized boolean finished() {
        return next >= entries.size();
    }

    /** Clears the spool so that the replay starts from an empty directory. */
    public void resetSpool() throws IOException {
        Files.createDirectories(spool);
        try (Stream<Path> old = Files.list(spool)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Appends every record due by {@code now}. */
    public synchronized int advanceTo(Instant now) throws IOException {
        int written = 0;
        while (next < entries.size() && !entries.get(next).time().isAfter(now)) {
            Entry e = entries.get(next++);
            BufferedWriter w = writers.get(e.file());
            if (w == null) {
                w = Files.newBufferedWriter(spool.resolve(e.file()), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                writers.put(e.file(), w);
            }
            w.write(e.text());
            w.write('\n');
            written++;
        }
        for (BufferedWriter w : writers.values()) {
            w.flush();
        }
        return written;
    }

    public synchronized void close() throws IOException {
        for (BufferedWriter w : writers.values()) {
            w.close();
        }
        writers.clear();
    }
}
