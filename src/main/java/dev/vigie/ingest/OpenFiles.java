package dev.vigie.ingest;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Holds at most a fixed number of files open: opening one more parks the one that gave data
 * longest ago. A parked file keeps its position and is reopened by identity when it is read again,
 * so the number of sources is not bounded by the process's descriptor limit.
 */
final class OpenFiles {
    private final int limit;
    /** Open tailers, the one that gave data longest ago first. */
    private final LinkedHashSet<FileTailer> open = new LinkedHashSet<>();

    OpenFiles(int configured) {
        this.limit = within(configured, ManagementFactory.getOperatingSystemMXBean());
    }

    /**
     * The configured limit, or less when the process may not open that many more descriptors:
     * half of what is left, so that the JVM (jars, sockets) and the store keep room.
     */
    static int within(int configured, OperatingSystemMXBean os) {
        if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
            long left = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
            return (int) Math.max(1, Math.min(configured, left / 2));
        }
        return configured;
    }

    /** Parks what must be parked for one more file to be opened. */
    void makeRoom() throws IOException {
        Iterator<FileTailer> it = open.iterator();
        while (open.size() >= limit && it.hasNext()) {
            FileTailer oldest = it.next();
            it.remove();
            oldest.park();
        }
    }

    /** A tailer whose file was just opened. */
    void opened(FileTailer t) {
        open.remove(t);
        open.add(t);
    }

    /**
     * Makes sure the tailer's file is open, parking another one if needed.
     *
     * @return false when its file is gone or is another file now
     */
    boolean use(FileTailer t) throws IOException {
        if (!t.parked()) {
            return true;
        }
        open.remove(t);
        makeRoom();
        if (!t.unpark()) {
            return false;
        }
        open.add(t);
        return true;
    }

    /** The tailer gave data: it is the last one to park. */
    void gaveData(FileTailer t) {
        if (open.remove(t)) {
            open.add(t);
        }
    }

    void park(FileTailer t) throws IOException {
        open.remove(t);
        t.park();
    }

    void closed(FileTailer t) {
        open.remove(t);
    }

    int size() {
        return open.size();
    }
}
