package dev.vigie.ingest;

import dev.vigie.config.IngestOptions;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails every file of the configured sources, live. One tailer per content (file key +
 * fingerprint): a renamed file keeps its tailer, which reads it to its end; a new file at an old
 * path gets a new one; a truncated file is read again from 0; a deleted file is read to its end and
 * released. A directory watcher wakes the tail thread when files appear or grow, and a short tick
 * catches what a watcher can miss, so appends are seen within a second. Files idle for a while, and
 * the idlest beyond the open-file limit, are parked: closed, then reopened by identity once they
 * grow (seen by the watcher or at the next scan).
 */
public final class Tailing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tailing.class);
    private static final long TICK_MILLIS = 250;
    /**
     * How often the sources are listed again, whatever the watcher said: every 2 s, up to every 10 s
     * when there are thousands of files (listing 5,000 costs tens of milliseconds).
     */
    private static final long RESCAN_MIN_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long RESCAN_MAX_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long RESCAN_NANOS_PER_FILE = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int MAX_RETIRED = 1000;
    /** Every this many ticks, files that did not change size are checked for a rewrite too. */
    private static final int FULL_CHECK_TICKS = 8;
    public static final String WAITING = "waiting for it to appear";

    private final SourcePaths paths;
    private final FileResolver resolver;
    private final IngestOptions options;
    private final Consumer<RawRecord> out;
    private final BiConsumer<String, String> errorSink;
    private final Opener opener;
    private final Map<String, FileTailer> tailers = new LinkedHashMap<>();
    private final List<FileResolver.Retired> retired = new ArrayList<>();
    /** File keys whose content was rewritten in place, or whose file went away: the file there now is read from its start. */
    private final Set<String> fromStart = new HashSet<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final OpenFiles open;
    /** Parked files that changed since they were parked (their size differs, or the watcher saw them written). */
    private final Set<String> changed = new HashSet<>();
    private final Set<Path> modified = ConcurrentHashMap.newKeySet();
    /** Tracked files the last listing did not show. */
    private final Set<String> missedOnce = new HashSet<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean rescan = true;
    private long ticks;
    private Thread thread;
    private DirectoryWatcher watcher;

    /**
     * @param out    receives records; it may block (back-pressure: the file is the buffer)
     * @param errors hears a source that could not be read, and why
     */
    public Tailing(SourcePaths paths, CheckpointSource checkpoints, IngestOptions options, Consumer<RawRecord> out,
                   BiConsumer<String, String> errors) {
        this(paths, checkpoints, options, out, errors, FileTailer::open);
    }

    /** Opens a file for reading; a test stands in for a file system that refuses. */
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    Tailing(SourcePaths paths, CheckpointSource checkpoints, IngestOptions options, Consumer<RawRecord> out,
            BiConsumer<String, String> errors, Opener opener) {
        this.opener = opener;
        this.paths = paths;
        this.errorSink = errors;
        this.resolver = new FileResolver(checkpoints);
        this.options = options;
        this.out = out;
        this.open = new OpenFiles(options.maxOpenFiles());
    }

    /** How many contents are being read now. */
    int tracked() {
        return tailers.size();
    }

    /** How many of them hold their file open now. */
    int openFiles() {
        return open.size();
    }

    /** Last error per source that could not be read (e.g. permission denied); it is retried. */
    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    public synchronized void start() throws IOException {
        running = true;
        List<Path> dirs = paths.directories();
        if (!dirs.isEmpty()) {
            watcher = DirectoryWatcher.builder()
                    .paths(dirs)
                    .fileHashing(false)
                    .listener(event -> {
                        if (event.eventType() != DirectoryChangeEvent.EventType.MODIFY) {
                            rescan = true;
                        } else if (event.path() != null) {
                            modified.add(event.path());
                        }
                        wake.release();
                    })
                    .build();
            watcher.watchAsync();
        }
        thread = new Thread(this::loop, "vigie-tail");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the tail thread to look now, e.g. after a writer appended to a watched file. */
    public void wake() {
        rescan = true;
        wake.release();
    }

    private void loop() {
        long lastScan = 0;
        while (running) {
            try {
                wake.tryAcquire(TICK_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                releaseReplaced(++ticks % FULL_CHECK_TICKS == 0);
                long every = Math.min(RESCAN_MAX_NANOS, Math.max(RESCAN_MIN_NANOS, tailers.size() * RESCAN_NANOS_PER_FILE));
                if (rescan || System.nanoTime() - lastScan > every) {
                    rescan = false;
                    lastScan = System.nanoTime();
                    discover();
                }
                pollAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("tail loop error, continuing", e);
            }
        }
    }

    /** A source named that does not exist yet is said once, as waited for; once it appears, that is cleared (an empty error). */
    private void waitingFor() {
        Set<String> missing = new HashSet<>(paths.missingAbsolute());
        for (String path : missing) {
            if (!WAITING.equals(errors.put(path, WAITING))) {
                errorSink.accept(path, WAITING);
            }
        }
        var it = errors.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().equals(WAITING) && !missing.contains(e.getKey())) {
                it.remove();
                errorSink.accept(e.getKey(), "");
            }
        }
    }

    private void discover() {
        List<Path> files;
        try {
            files = paths.files();
        } catch (IOException e) {
            LOG.warn("cannot list sources: {}", e.toString());
            return;
        }
        waitingFor();
        Set<String> present = new HashSet<>();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                String key = FileTailer.fileKey(file, attributes);
                present.add(key);
                FileTailer known = tailers.get(key);
                if (known != null) {
                    known.movedTo(file);
                    if (known.parked() && !known.compressedContent() && attributes.size() != known.readOffset()) {
                        changed.add(key);
                    }
                } else {
                    track(file, key);
                }
                errors.remove(file.toString());
            } catch (NoSuchFileException e) {
                // gone between listing and opening: the next scan will know
            } catch (IOException e) {
                fail(file.toString(), e);
            }
        }
        missedOnce.retainAll(tailers.keySet());
        missedOnce.removeAll(present);
        var it = tailers.values().iterator();
        while (it.hasNext()) {
            FileTailer t = it.next();
            if (!present.contains(t.fileKey()) && missedOnce.add(t.fileKey())) {
                // a listing taken while files are renamed can miss one: gone only if the next one misses it too
                rescan = true;
            } else if (!present.contains(t.fileKey())) {
                missedOnce.remove(t.fileKey());
                // deleted or moved out of the sources: what is left in it is still ours, then it is released;
                // a file that comes later on its inode is another one, even with the same bytes
                release(t, true);
                it.remove();
                fromStart.add(t.fileKey());
            }
        }
    }

    private void track(Path file, String key) throws IOException {
        if (FileTailer.compressed(file)) {
            byte[] head = Fingerprint.headOfCompressed(file); // a .gz still being written fails here and is retried
            if (head.length == 0) {
                return;
            }
            FileResolver.Decision d = resolver.resolve(file, Long.MAX_VALUE, key, head, tailers.values(), retired);
            if (!d.deferred()) {
                open.makeRoom();
                FileTailer t = FileTailer.at(file, FileTailer.openCompressed(file), key, head, d.offset(), options);
                t.firstLinesAhead();
                tailers.put(key, t);
                open.opened(t);
            }
            return;
        }
        open.makeRoom();
        FileChannel channel = opener.open(file);
        try {
            byte[] head = Fingerprint.head(channel);
            if (head.length == 0) {
                channel.close(); // nothing to identify it by yet
                return;
            }
            FileResolver.Decision d = fromStart.remove(key) ? new FileResolver.Decision(0)
                    : resolver.resolve(file, channel.size(), key, head, tailers.values(), retired);
            if (d.deferred()) {
                channel.close();
                return;
            }
            FileTailer t = FileTailer.at(file, channel, key, head, d.offset(), options);
            t.firstLinesAhead();
            tailers.put(key, t);
            open.opened(t);
            changed.add(key); // read once even if parked before its first turn
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Contents truncated or rewritten under their tailer are released first, so that a copy resolves to where they stopped. */
    private void releaseReplaced(boolean evenUnchanged) {
        for (FileTailer t : List.copyOf(tailers.values())) {
            if (t.parked()) {
                continue; // checked when it is reopened
            }
            try {
                if (!evenUnchanged && t.sameSizeAsLastLook()) {
                    continue; // the same length as read: a rewrite of that very length is caught at the next full check
                }
                if (t.contentReplaced()) {
                    release(t, false);
                    tailers.remove(t.fileKey());
                    rescan = true;
                } else if (t.overwritten()) {
                    // rewritten in place: nothing of the old content is left to copy, the new one is read from its start
                    t.finish(out);
                    open.closed(t);
                    t.close();
                    tailers.remove(t.fileKey());
                    fromStart.add(t.fileKey());
                    rescan = true;
                }
            } catch (IOException e) {
                fail(t.source(), e);
                release(t, false);
                tailers.remove(t.fileKey());
            }
        }
    }

    /**
     * Reads every open file, and every parked one that changed (reopened, parking the one idle
     * longest if the limit is reached); a file idle for longer than the inactive time is parked.
     */
    private void pollAll() {
        Set<Path> written = Set.copyOf(modified);
        modified.removeAll(written);
        for (FileTailer t : List.copyOf(tailers.values())) {
            try {
                if (t.parked()) {
                    if (!changed.remove(t.fileKey()) && !written.contains(t.path())) {
                        t.flushIfQuiet(out);
                        continue;
                    }
                    if (!open.use(t)) {
                        // gone or replaced while parked: the next scan sees what is there now
                        release(t, false);
                        tailers.remove(t.fileKey());
                        rescan = true;
                        continue;
                    }
                }
                long before = t.readOffset();
                t.poll(out, false);
                t.flushIfQuiet(out);
                if (t.readOffset() != before) {
                    open.gaveData(t);
                } else if (t.idleNanos() > options.closeInactive().toNanos()) {
                    open.park(t);
                }
            } catch (IOException e) {
                fail(t.source(), e);
                release(t, false);
                tailers.remove(t.fileKey());
            }
        }
    }

    /** Stops reading a content, remembering how far it got in case a copy of it turns up. */
    private void release(FileTailer t, boolean drain) {
        open.closed(t);
        try {
            if (drain && t.unpark()) {
                t.poll(out, true);
            } else {
                t.finish(out);
            }
        } catch (IOException e) {
            fail(t.source(), e);
        }
        retired.add(new FileResolver.Retired(t.head(), t.emittedOffset(), t.tailBeforeEmitted()));
        if (retired.size() > MAX_RETIRED) {
            retired.remove(0); // a copy turns up soon after its original goes, or not at all
        }
        try {
            t.close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }

    private void fail(String source, IOException e) {
        if (!e.toString().equals(errors.put(source, e.toString()))) {
            errorSink.accept(source, e.toString());
        }
        LOG.warn("cannot read {}: {}", source, e.toString());
    }

    @Override
    public synchronized void close() throws IOException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (watcher != null) {
            watcher.close();
        }
        for (FileTailer t : tailers.values()) {
            t.close();
        }
        tailers.clear();
    }
}
