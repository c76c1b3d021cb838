package dev.vigie.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.Cli;
import dev.vigie.SampleLogs;
import dev.vigie.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatServiceTest {
    @TempDir
    static Path dataDir;
    static Store store;
    static ChatService chat;

    @BeforeAll
    static void ingest() throws Exception {
        Cli.run("ingest", SampleLogs.DIR.toString(), "--once", "--data-dir", dataDir.toString());
        store = new Store(dataDir.resolve("vigie.db"), Clock.systemUTC());
        chat = new ChatService(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void whatFailedAtATimeCitesTheIncidentsAroundIt() {
        String answer = chat.answer("what failed at 09:06?");
        assertThat(answer).startsWith("Around 09:06 UTC").contains("cloudflared", "INC-").doesNotContain("postgresql");
        assertThat(chat.answer("qu'est-ce qui a cassé à 10h31 ?")).contains("nginx");
        assertThat(chat.answer("what failed at 03:00?")).startsWith("No incident within 10 minutes of 03:00");
    }

    @Test
    void recurringProblemsAreCountedByServiceAndDomain() {
        assertThat(chat.answer("which problems keep coming back?")).contains("api / database: 1").contains("nginx / network: 1");
    }

    @Test
    void seenBeforeSearchesTheStoredLines() {
        assertThat(chat.answer("have we seen HikariPool before?")).startsWith("Yes:").contains("api");
        assertThat(chat.answer("have we seen frobnicator before?")).startsWith("No stored log line matches");
    }
}
