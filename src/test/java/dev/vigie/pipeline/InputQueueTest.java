package dev.vigie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigie.ingest.RawRecord;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The input queue is bounded in characters as well as in items: a reader with too much text waits. */
class InputQueueTest {
    private static RawRecord record(int chars) {
        return new RawRecord("a.log", "k", "1:00", "x".repeat(chars), chars, 1, 0);
    }

    @Test
    void aRecordThatWouldPassTheCharacterBoundWaitsUntilTextIsTaken() throws Exception {
        InputQueue q = new InputQueue(100, 1_000);
        q.put(record(600));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                q.put(record(600));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        assertThat(q.size()).isOne();

        assertThat(((RawRecord) q.poll(1, TimeUnit.SECONDS)).text()).hasSize(600);
        second.get(5, TimeUnit.SECONDS);
        assertThat(q.size()).isOne();
    }

    @Test
    void aRecordLargerThanTheWholeBoundStillPassesAlone() throws Exception {
        InputQueue q = new InputQueue(100, 1_000);
        q.put(record(5_000));
        assertThat(((RawRecord) q.poll(1, TimeUnit.SECONDS)).text()).hasSize(5_000);
        q.put(record(900));
        assertThat(q.offer("a source error")).isTrue();
        assertThat(q.size()).isEqualTo(2);
    }
}
