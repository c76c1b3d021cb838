package dev.vigie.sim;

import dev.vigie.privacy.OwnerOnly;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays recorded log files as a live stream: each record is appended to a file of the same name
 * in the spool directory when the replay clock reaches its time, so the engine tails it exactly as
 * it would tail a real log. Records without a readable time follow the record before them.
 *
 * <p>The spool is the replay's position. It lives in a directory named after the recordings'
 * content, and a replay that finds it resumes after the records it already holds (completing a line
 * cut by a crash), so a restart never appends a record twice, and the tailer's checkpoints keep
 * the store from reading one twice. Other recordings get a fresh spool of their own.
 */
public final class LogReplayer {
    private static final Logger LOG = LoggerFactory.getLogger(LogReplayer.class);

    /** @param seq the record's place in its file */
    private record Entry(Instant time, String file, int seq, String text) {
    }

    private final List<Entry> entries;
    private final Path spool;
    private final Map<String, BufferedWriter> writers = new HashMap<>();
    /** Per file, how many of its records the spool held when the replay started. */
    private final Map<String, Integer> held = new HashMap<>();
    private int next;
    private int replayed;

    /**
     * @param spoolRoot where spools live; this replay's is a sub-directory named after the recordings
     * @param timeOf    reads a line's event time, or null when it has none (a continuation line)
     */
    public static LogReplayer open(Path recordings, Path spoolRoot, Function<String, Instant> timeOf) throws IOException {
        List<Entry> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(recordings)) {
            files = list.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".jsonl")).sorted().toList();
        }
        MessageDigest digest = sha256();
        for (Path f : files) {
            Instant previous = null;
            int seq = 0;
            String name = f.getFileName().toString();
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Instant t = timeOf.apply(line);
                Instant at = t != null ? t : previous;
                if (at == null) {
                    continue;
                }
                all.add(new Entry(at, name, seq++, line));
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
                previous = at;
            }
        }
        all.sort(Comparator.comparing(Entry::time)); // stable: continuation lines keep their place
        String id = HexFormat.of().formatHex(digest.digest(), 0, 6);
        LogReplayer r = new LogReplayer(List.copyOf(all), spoolRoot.resolve(id));
        r.resume();
        return r;
    }

    private LogReplayer(List<Entry> entries, Path spool) {
        this.entries = entries;
        this.spool = spool;
    }

    /** Counts what the spool holds of each file and skips it; a last line cut short is completed. */
    private void resume() throws IOException {
        OwnerOnly.directory(spool);
        Map<String, List<Entry>> byFile = new HashMap<>();
        entries.forEach(e -> byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e));
        byFile.values().forEach(l -> l.sort(Comparator.comparingInt(Entry::seq)));
        for (var e : byFile.entrySet()) {
            Path f = spool.resolve(e.getKey());
            if (!Files.exists(f)) {
                continue;
            }
            String have = Files.readString(f, StandardCharsets.UTF_8);
            int count = 0;
            int at = 0;
            for (Entry x : e.getValue()) {
                String line = x.text() + "\n";
                if (at >= have.length()) {
                    break;
                }
                int n = Math.min(line.length(), have.length() - at);
                if (!have.regionMatches(at, line, 0, n)) {
                    throw new IOException("the replay spool " + f + " is not a copy of the recordings: remove "
                            + spool + " to replay them again");
                }
                if (n < line.length()) {
                    Files.writeString(f, line.substring(n), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    LOG.info("replay: completed the line cut short at the end of {}", f);
                }
                at += n;
                count++;
            }
            if (at < have.length()) {
                throw new IOException("the replay spool " + f + " holds more than the recordings: remove " + spool
                        + " to replay them again");
            }
            held.put(e.getKey(), count);
            replayed += count;
        }
        while (next < entries.size() && isHeld(entries.get(next))) {
            next++;
        }
        if (replayed > 0) {
            LOG.info("replay: resuming after {} of {} records already in {}", replayed, entries.size(), spool);
        }
    }

    private boolean isHeld(Entry e) {
        return e.seq() < held.getOrDefault(e.file(), 0);
    }

    /** The directory the records are appended to: the one to tail. */
    public Path spool() {
        return spool;
    }

    /** Event time of the first record not yet replayed, where the replay clock should start. */
    public Instant resumeTime() {
        if (entries.isEmpty()) {
            return Instant.now();
        }
        return entries.get(Math.min(next, entries.size() - 1)).time();
    }

    public int total() {
        return entries.size();
    }

    public synchronized int replayed() {
        return replayed;
    }

    /** Appends every record due by {@code now}. */
    public synchronized int advanceTo(Instant now) throws IOException {
        int written = 0;
        while (next < entries.size() && !entries.get(next).time().isAfter(now)) {
            Entry e = entries.get(next++);
            if (isHeld(e)) {
                continue; // the spool had it before this run
            }
            BufferedWriter w = writers.get(e.file());
            if (w == null) {
                w = Files.newBufferedWriter(spool.resolve(e.file()), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                OwnerOnly.file(spool.resolve(e.file()));
                writers.put(e.file(), w);
            }
            w.write(e.text());
            w.write('\n');
            written++;
        }
        replayed += written;
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
