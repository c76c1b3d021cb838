package dev.vigie.ingest;

import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails every file of the configured sources from its checkpoint, live: a directory watcher wakes
 * the tail thread when files appear or grow, and a short tick catches what a watcher can miss, so
 * appends are seen within a second.
 */
public final class Tailing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tailing.class);
    private static final long TICK_MILLIS = 250;
    private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(750);

    private final SourcePaths paths;
    private final CheckpointSource checkpoints;
    private final Consumer<RawRecord> out;
    private final Map<Path, FileTailer> tailers = new LinkedHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean rescan = true;
    private Thread thread;
    private DirectoryWatcher watcher;

    public Tailing(SourcePaths paths, CheckpointSource checkpoints, Consumer<RawRecord> out) {
        this.paths = paths;
        this.checkpoints = checkpoints;
        this.out = out;
    }

    /** Last error per source that could not be read, e.g. a permission denied. */
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
                        if (event.eventType() != io.methvin.watcher.DirectoryChangeEvent.EventType.MODIFY) {
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

    private void discover() {
        try {
            for (Path file : paths.files()) {
                if (!tailers.containsKey(file)) {
                    try {
                        tailers.put(file, new FileTailer(file, checkpoints));
                        errors.remove(file.toString());
                    } catch (IOException e) {
                        fail(file.toString(), e);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list sources: {}", e.toString());
        }
    }

    private void pollAll() {
        var it = tailers.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            FileTailer tailer = entry.getValue();
            try {
                tailer.poll(out, false);
                tailer.flushIfQuiet(out, QUIET_NANOS);
                if (!tailer.exists()) {
                    tailer.close();
                    it.remove();
                }
            } catch (IOException e) {
                fail(tailer.source(), e);
                closeQuietly(tailer);
                it.remove();
            }
        }
    }

    private void fail(String source, IOException e) {
        errors.put(source, e.toString());
        LOG.warn("cannot read {}: {}", source, e.toString());
    }

    private static void closeQuietly(FileTailer tailer) {
        try {
            tailer.close();
        } catch (IOException ignored) {
            // already failing
        }
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
            closeQuietly(t);
        }
        tailers.clear();
    }
}
