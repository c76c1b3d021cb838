package dev.vigie.ingest;

import dev.vigie.config.IngestOptions;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
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
 * catches what a watcher can miss, so appends are seen within a second.
 */
public final class Tailing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tailing.class);
    private static final long TICK_MILLIS = 250;
    private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(2);
    public static final String WAITING = "waiting for it to appear";

    private final SourcePaths paths;
    private final FileResolver resolver;
    private final IngestOptions options;
    private final Consumer<RawRecord> out;
    private final BiConsumer<String, String> errorSink;
    private final Opener opener;
    private final Map<String, FileTailer> tailers = new LinkedHashMap<>();
    private final Map<String, FileResolver.Retired> retired = new HashMap<>();
    /** File keys whose content was rewritten in place, or whose file went away: the file there now is read from its start. */
    private final Set<String> fromStart = new HashSet<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean rescan = true;
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
    }

    /** Last error per source that could not be read (e.g. permission denied); it is retried. */
    /** How many contents are being read now. */
    int tracked() {
        return tailers.size();
    }

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
                releaseReplaced();
                if (rescan || System.nanoTime() - lastScan > RESCAN_NANOS) {
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
                String key = FileTailer.fileKey(file);
                present.add(key);
                FileTailer known = tailers.get(key);
                if (known != null) {
                    known.movedTo(file);
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
        var it = tailers.values().iterator();
        while (it.hasNext()) {
            FileTailer t = it.next();
            if (!present.contains(t.fileKey())) {
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
            String fingerprint = Fingerprint.ofCompressed(file); // a .gz still being written fails here and is retried
            if (fingerprint == null) {
                return;
            }
            FileResolver.Decision d = resolver.resolve(file, Long.MAX_VALUE, key, fingerprint, tailers.values(), retired);
            if (!d.deferred()) {
                tailers.put(key, FileTailer.at(file, FileTailer.openCompressed(file), key, fingerprint, d.offset(), options));
            }
            return;
        }
        FileChannel channel = opener.open(file);
        try {
            String fingerprint = Fingerprint.of(channel, false);
            if (fingerprint == null) {
                channel.close(); // no complete first line yet
                return;
            }
            FileResolver.Decision d = fromStart.remove(key) ? new FileResolver.Decision(0)
                    : resolver.resolve(file, channel.size(), key, fingerprint, tailers.values(), retired);
            if (d.deferred()) {
                channel.close();
                return;
            }
            tailers.put(key, FileTailer.at(file, channel, key, fingerprint, d.offset(), options));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Contents truncated or rewritten under their tailer are released first, so that a copy resolves to where they stopped. */
    private void releaseReplaced() {
        for (FileTailer t : List.copyOf(tailers.values())) {
            try {
                if (t.contentReplaced()) {
                    release(t, false);
                    tailers.remove(t.fileKey());
                    rescan = true;
                } else if (t.overwritten()) {
                    // rewritten in place: nothing of the old content is left to copy, the new one is read from its start
                    t.finish(out);
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

    private void pollAll() {
        for (FileTailer t : List.copyOf(tailers.values())) {
            try {
                t.poll(out, false);
                t.flushIfQuiet(out);
            } catch (IOException e) {
                fail(t.source(), e);
                release(t, false);
                tailers.remove(t.fileKey());
            }
        }
    }

    /** Stops reading a content, remembering how far it got in case a copy of it turns up. */
    private void release(FileTailer t, boolean drain) {
        try {
            if (drain) {
                t.poll(out, true);
            } else {
                t.finish(out);
            }
        } catch (IOException e) {
            fail(t.source(), e);
        }
        retired.put(t.fingerprint(), new FileResolver.Retired(t.emittedOffset(), t.tailBeforeEmitted()));
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
