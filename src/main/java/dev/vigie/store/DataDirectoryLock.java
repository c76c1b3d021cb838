package dev.vigie.store;

import dev.vigie.privacy.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One owner per data directory: an OS lock on {@code vigie.lock}, held for the life of the engine,
 * so that two processes never read the same logs into one store. The file says who holds it.
 * Read-only commands do not take it; writes from elsewhere go through the running engine.
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = "vigie.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param who what takes the directory, said to a second process that wants it ({@code vigie run})
     * @throws InUse when another process, or another engine of this one, holds it
     */
    public static DataDirectoryLock acquire(Path dataDir, String who) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        OwnerOnly.file(file);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new InUse("the data directory " + dataDir + " is in use by " + (holder.isEmpty() ? "another process" : holder)
                    + "; stop it, or give another --data-dir");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " (" + who + ", since " + Instant.now() + ")\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512);
        channel.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        channel.truncate(0);
        lock.release();
        channel.close();
    }

    /** The directory has an owner already. */
    public static final class InUse extends IOException {
        InUse(String message) {
            super(message);
        }
    }
}
