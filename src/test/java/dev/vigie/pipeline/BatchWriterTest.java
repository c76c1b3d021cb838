package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.store.StoreBatch;
import dev.vigie.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A store that cannot be written now holds the batches back, in order; one that never can drops the batch. */
class BatchWriterTest {
    private static StoreException failure(SQLiteErrorCode code) {
        return StoreException.of("cannot write to /data/vigie.db", new SQLiteException("[" + code.name() + "]", code));
    }

    private static BlockingQueue<StoreBatch> queueOf(StoreBatch... batches) {
        BlockingQueue<StoreBatch> q = new ArrayBlockingQueue<>(8);
        q.addAll(List.of(batches));
        return q;
    }

    @Test
    void aFullDiskIsSaidOnceAndTheSameBatchIsWrittenWhenSpaceReturnsBeforeAnyAfterIt() throws Exception {
        StoreBatch first = new StoreBatch();
        StoreBatch second = new StoreBatch();
        List<StoreBatch> written = new ArrayList<>();
        List<String> problemsSeen = new ArrayList<>();
        int[] attempts = {0};
        BatchWriter[] writer = new BatchWriter[1];
        writer[0] = new BatchWriter(queueOf(first, second), b -> {
            problemsSeen.add(writer[0].problem());
            if (b == first && ++attempts[0] <= 3) {
                throw failure(SQLiteErrorCode.SQLITE_FULL);
            }
            written.add(b);
        }, Duration.ofMillis(1));
        writer[0].run(() -> written.size() < 2);
        assertThat(written).containsExactly(first, second);
        assertThat(problemsSeen).containsExactly("", "cannot write to /data/vigie.db: the disk is full",
                "cannot write to /data/vigie.db: the disk is full", "cannot write to /data/vigie.db: the disk is full", "");
        assertThat(writer[0].problem()).isEmpty();
        assertThat(writer[0].dropped()).isZero();
    }

    @Test
    void aBatchThatCanNeverBeWrittenIsDroppedAndCountedAndTheNextOneWritten() throws Exception {
        StoreBatch broken = new StoreBatch();
        StoreBatch fine = new StoreBatch();
        List<StoreBatch> written = new ArrayList<>();
        BatchWriter writer = new BatchWriter(queueOf(broken, fine), b -> {
            if (b == broken) {
                throw failure(SQLiteErrorCode.SQLITE_CONSTRAINT);
            }
            written.add(b);
        }, Duration.ofMillis(1));
        writer.run(() -> false);
        assertThat(written).containsExactly(fine);
        assertThat(writer.dropped()).isOne();
        assertThat(writer.problem()).isEmpty();
    }

    @Test
    void stoppingWhileTheStoreFailsGivesUpAfterAFewTries() throws Exception {
        int[] attempts = {0};
        BatchWriter writer = new BatchWriter(queueOf(new StoreBatch()), b -> {
            attempts[0]++;
            throw failure(SQLiteErrorCode.SQLITE_READONLY);
        }, Duration.ofMillis(1));
        writer.run(() -> false);
        assertThat(attempts[0]).isEqualTo(BatchWriter.TRIES_WHEN_STOPPING);
        assertThat(writer.problem()).isEqualTo("cannot write to /data/vigie.db: the file or its file system is read-only");
    }

    @Test
    void whatCannotBeCuredIsNotTriedAgain() {
        assertThat(failure(SQLiteErrorCode.SQLITE_FULL).passing()).isTrue();
        assertThat(failure(SQLiteErrorCode.SQLITE_BUSY).passing()).isTrue();
        assertThat(failure(SQLiteErrorCode.SQLITE_IOERR_WRITE).passing()).isTrue();
        assertThat(failure(SQLiteErrorCode.SQLITE_CORRUPT)).satisfies(e -> {
            assertThat(e.passing()).isFalse();
            assertThat(e.getMessage()).endsWith("the database file is damaged; move it aside and Vigie starts a new one");
        });
    }
}
