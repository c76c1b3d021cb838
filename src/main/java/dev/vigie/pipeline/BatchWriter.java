package dev.vigie.pipeline;

import dev.vigie.store.StoreBatch;
import dev.vigie.store.StoreException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread's loop: commits the batches in order. A write that fails for a reason that
 * passes (a full disk, a read-only file system, a lock held elsewhere) is said once and tried again,
 * with growing pauses, and nothing behind it is written meanwhile: the queue fills, the pipeline
 * waits, the tailers stop reading, and the files keep what was not read. A batch that cannot be
 * written at all (a defect) is dropped and counted. Stopping while the store fails gives up after a
 * few tries: what was not committed is read again at the next start, as its checkpoints were not
 * committed either.
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    static final int TRIES_WHEN_STOPPING = 3;

    private final BlockingQueue<StoreBatch> queue;
    private final Consumer<StoreBatch> store;
    private final AtomicLong dropped = new AtomicLong();
    private final Duration firstPause;
    private volatile String problem = "";

    BatchWriter(BlockingQueue<StoreBatch> queue, Consumer<StoreBatch> store) {
        this(queue, store, FIRST_PAUSE);
    }

    BatchWriter(BlockingQueue<StoreBatch> queue, Consumer<StoreBatch> store, Duration firstPause) {
        this.queue = queue;
        this.store = store;
        this.firstPause = firstPause;
    }

    /** Why the store cannot be written now, in plain words; empty when it can. */
    String problem() {
        return problem;
    }

    /** Batches that could not be written at all. */
    long dropped() {
        return dropped.get();
    }

    /** @param writing false once no batch can come any more */
    void run(BooleanSupplier writing) throws InterruptedException {
        StoreBatch pending = null;
        Duration pause = firstPause;
        int triesStopping = 0;
        while (writing.getAsBoolean() || pending != null || !queue.isEmpty()) {
            StoreBatch b = pending != null ? pending : queue.poll(100, TimeUnit.MILLISECONDS);
            if (b == null) {
                continue;
            }
            try {
                store.accept(b);
                pending = null;
                pause = firstPause;
                if (!problem.isEmpty()) {
                    LOG.warn("the store is written again (it was: {})", problem);
                    problem = "";
                }
            } catch (StoreException e) {
                if (!e.passing()) {
                    dropped.incrementAndGet();
                    LOG.error("a batch could not be stored and is dropped: {}", e.getMessage(), e);
                    pending = null;
                    continue;
                }
                if (!e.getMessage().equals(problem)) {
                    LOG.error("{}; reading waits until it can write again", e.getMessage());
                    problem = e.getMessage();
                }
                pending = b;
                if (!writing.getAsBoolean() && ++triesStopping >= TRIES_WHEN_STOPPING) {
                    LOG.warn("stopping without writing what is left ({}): it is read again at the next start", problem);
                    return;
                }
                LockSupport.parkNanos(pause.toNanos());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
                LOG.error("a batch could not be stored and is dropped", e);
                pending = null;
            }
        }
    }
}
