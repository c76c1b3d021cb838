package dev.vigie.pipeline;

import dev.vigie.ingest.RawRecord;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What the sources hand the pipeline: at most so many items, and at most so many characters of
 * record text (ten thousand lines of a megabyte would not fit in memory). A full queue blocks the
 * reader: the file is the buffer.
 */
final class InputQueue {
    private final BlockingQueue<Object> items;
    private final int maxChars;
    private final Semaphore chars;

    InputQueue(int maxItems, int maxChars) {
        this.items = new ArrayBlockingQueue<>(maxItems);
        this.maxChars = maxChars;
        this.chars = new Semaphore(maxChars);
    }

    /** Waits for room, in items and in characters. */
    void put(Object item) throws InterruptedException {
        if (item instanceof RawRecord r) {
            chars.acquire(charsOf(r));
        }
        try {
            items.put(item);
        } catch (InterruptedException e) {
            if (item instanceof RawRecord r) {
                chars.release(charsOf(r));
            }
            throw e;
        }
    }

    /** Adds an item that carries no record text if there is room; false when there is none. */
    boolean offer(Object item) {
        if (item instanceof RawRecord) {
            throw new IllegalArgumentException("records wait for room: put them");
        }
        return items.offer(item);
    }

    /** @return the next item, or null after the timeout */
    Object poll(long timeout, TimeUnit unit) throws InterruptedException {
        Object item = items.poll(timeout, unit);
        if (item instanceof RawRecord r) {
            chars.release(charsOf(r));
        }
        return item;
    }

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** What a record weighs: its text, and never more than the whole allowance, so that a huge one still passes alone. */
    private int charsOf(RawRecord r) {
        return Math.min(r.text().length(), maxChars);
    }
}
