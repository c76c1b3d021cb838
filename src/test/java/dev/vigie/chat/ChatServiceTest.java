package dev.vigie.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.Cli;
import dev.vigie.SampleLogs;
import dev.vigie.event.ChatAnswer;
import dev.vigie.memory.Memory;
import dev.vigie.memory.MiniLmEmbedder;
import dev.vigie.privacy.Redactor;
import dev.vigie.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions a new user asks, in English and French, after {@code ingest sample-logs --once}
 * (four incidents: api's database pool at 08:20, cloudflared's origin at 09:05, billing's OOM kill
 * at 09:50, nginx's upstream at 10:30, all on 2026-03-14 UTC), with the memory and the real
 * embedding model; answered without a model.
 */
class ChatServiceTest {
    @TempDir
    static Path dataDir;
    static Store store;
    static Memory memory;
    static ChatService chat;

    @BeforeAll
    static void ingest() throws Exception {
        Cli.run("ingest", SampleLogs.DIR.toString(), "--once", "--data-dir", dataDir.toString());
        store = new Store(dataDir.resolve("vigie.db"), Clock.systemUTC());
        memory = Memory.lucene(dataDir.resolve("memory"), store, new MiniLmEmbedder(), Redactor.standard());
        // a clock far from the events: relative days count from the newest event stored
        chat = new ChatService(store, () -> memory, ZoneId.of("UTC"), Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        memory.close();
        store.close();
    }

    static ChatAnswer ask(String q) {
        return chat.ask(q);
    }

    @Test
    void whatFailedAtATimeNamesTheIncidentsAroundItInTheQuestionsLanguageAndZone() {
        ChatAnswer en = ask("what failed at 09:06?");
        assertThat(en.route()).isEqualTo("time");
        assertThat(en.language()).isEqualTo("en");
        assertThat(en.answer()).startsWith("Around 09:06 on 2026-03-14 (UTC): 1 incident.");
        assertThat(en.citations()).contains("INC-3c2c35ca").doesNotContain("INC-ac3f062b").anyMatch(c -> c.startsWith("L-"))
                .anyMatch(c -> c.startsWith("T-"));

        ChatAnswer fr = ask("qu'est-ce qui a planté à 8h20 ?");
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr.answer()).startsWith("Vers 08:20 le 2026-03-14 (UTC) : 1 incident.").contains("Avertissements et erreurs");
        assertThat(fr.citations()).contains("INC-ac3f062b", "T-36968dcd");

        assertThat(ask("what broke around 9am?").citations()).contains("INC-3c2c35ca");
        assertThat(ask("et à 10h31 ?").citations()).contains("INC-e8a27b8a");
        assertThat(ask("anything between 10 and 11 am?").citations()).containsOnlyOnce("INC-e8a27b8a")
                .doesNotContain("INC-ac3f062b", "INC-3c2c35ca", "INC-a7d19748");
        assertThat(ask("qu'est-ce qui s'est passé ce matin ?").citations())
                .contains("INC-ac3f062b", "INC-3c2c35ca", "INC-a7d19748", "INC-e8a27b8a");
        assertThat(ask("incidents le 14 mars").citations()).contains("INC-ac3f062b", "INC-e8a27b8a");
    }

    @Test
    void aTimeWithNothingSaysSoWithoutCitingAnything() {
        ChatAnswer yesterday = ask("qu'est-ce qui a planté hier à 14h30 ?");
        assertThat(yesterday.answer()).startsWith("Je n'ai rien trouvé vers 14:30 le 2026-03-13 (UTC)")
                .contains("L'événement le plus récent date du 2026-03-14 10:59 (UTC)");
        assertThat(yesterday.citations()).isEmpty();
        assertThat(ask("what failed last night?").answer()).startsWith("I found nothing from 2026-03-13 22:00 to 2026-03-14 06:00 (UTC)");
        assertThat(ask("what failed at 03:00?").citations()).isEmpty();
        assertThat(ask("incidents le 13 mars").answer()).startsWith("Je n'ai rien trouvé entre 00:00 et 24:00 le 2026-03-13 (UTC)");
    }

    @Test
    void whatKeepsComingBackIsCountedOverTemplatesAndIncidents() {
        ChatAnswer en = ask("which problems keep coming back?");
        assertThat(en.route()).isEqualTo("recurrence");
        assertThat(en.answer()).startsWith("No incident came back: each of the 4 happened once.")
                .contains("Most frequent warnings and errors", "| 163 | api | [T-36968dcd] `HikariPool");
        assertThat(en.citations()).contains("INC-ac3f062b", "INC-3c2c35ca", "INC-a7d19748", "INC-e8a27b8a", "T-36968dcd");
        ChatAnswer fr = ask("quels problèmes sont récurrents ?");
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr.answer()).startsWith("Aucun incident n'est revenu").contains("Avertissements et erreurs les plus fréquents");
        assertThat(ask("top errors this week").answer()).contains("from 2026-03-07 10:59 to 2026-03-14 10:59 (UTC)");
    }

    @Test
    void seenBeforeFindsTheIncidentWithWhatWasDoneAndTheLinesLikeIt() {
        ChatAnswer en = ask("have we seen HikariPool before, and what fixed it?");
        assertThat(en.route()).isEqualTo("similarity");
        assertThat(en.answer()).startsWith("Yes: “HikariPool” was seen in").contains("P1: See who holds connections");
        assertThat(en.citations()).contains("INC-ac3f062b", "T-36968dcd").anyMatch(c -> c.startsWith("L-"));

        ChatAnswer fr = ask("montre les erreurs similaires à HikariPool");
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr.answer()).startsWith("Oui : « HikariPool » a été vu dans").contains("Modèles de lignes semblables");
        assertThat(fr.citations()).contains("T-36968dcd");

        assertThat(ask("a-t-on déjà vu des erreurs too many clients ?").citations()).contains("INC-ac3f062b");
        ChatAnswer pasted = ask("2026-03-20T10:00:00Z ERROR HikariPool-2 - Connection is not available, request timed out after 30001ms.");
        assertThat(pasted.route()).isEqualTo("similarity");
        assertThat(pasted.citations()).first().isEqualTo("INC-ac3f062b");
    }

    @Test
    void aConversationAsksAboutWhatTheAnswerBeforeNamed() {
        Conversation en = chat.conversation();
        assertThat(en.ask("what failed at 08:20?").citations()).contains("INC-ac3f062b");
        ChatAnswer seen = en.ask("have we seen this error before?");
        assertThat(seen.route()).isEqualTo("similarity");
        assertThat(seen.answer()).contains("HikariPool");
        assertThat(seen.citations()).contains("INC-ac3f062b", "T-36968dcd");

        Conversation fr = chat.conversation();
        fr.ask("qu'est-ce qui a planté à 9h06 ?");
        ChatAnswer again = fr.ask("a-t-on déjà vu cette erreur ?");
        assertThat(again.language()).isEqualTo("fr");
        assertThat(again.citations()).contains("INC-3c2c35ca");

        assertThat(ask("have we seen this error before?").answer()).as("alone, \"this\" names nothing")
                .startsWith("Tell me what to look for");
    }

    @Test
    void withAModelItAnswersOverTheSameQueriesAndIsHeldToWhatTheyReturned() throws Exception {
        try (dev.vigie.FakeOllama ollama = new dev.vigie.FakeOllama("llama3.2:latest")) {
            ChatService withModel = chat.withModel(ollama.url(), () -> "llama3.2:latest", () -> true);
            java.util.function.Function<String, java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, String>> twoRounds =
                    last -> r -> r.path("messages").toString().contains("\"role\":\"tool\"") ? last : "TOOL events_at {\"when\":\"at 08:20\"}";

            ollama.script = twoRounds.apply("At 08:20 the database refused connections: api's pool ran out [INC-ac3f062b].");
            List<String> pieces = new ArrayList<>();
            ChatAnswer grounded = withModel.ask("what failed at 08:20?", pieces::add);
            assertThat(grounded.answer()).isEqualTo("At 08:20 the database refused connections: api's pool ran out [INC-ac3f062b].");
            assertThat(grounded.citations()).containsExactly("INC-ac3f062b");
            assertThat(grounded.by()).isEqualTo("model");
            assertThat(pieces).as("streamed word by word").hasSizeGreaterThan(5);
            assertThat(String.join("", pieces)).isEqualTo(grounded.answer());
            assertThat(ollama.chatRequests).allMatch(r -> r.path("stream").asBoolean());
            var asked = ollama.chatRequests.get(0);
            assertThat(asked.path("tools").findValuesAsText("name")).contains("events_at", "recurring", "similar", "incident", "search");
            assertThat(asked.toString()).contains("in English");
            assertThat(ollama.chatRequests.get(1).toString()).as("the tool's answer went back").contains("INC-ac3f062b", "HikariPool");

            ollama.script = twoRounds.apply("At 08:20 the cache failed [INC-deadbeef].");
            ChatAnswer setAside = withModel.ask("what failed at 08:20?");
            assertThat(setAside.answer()).as("an invented id: the offline answer").startsWith("Around 08:20 on 2026-03-14 (UTC): 1 incident.");
            assertThat(setAside.by()).isEqualTo("offline");
            assertThat(setAside.note()).isEqualTo("the model cited what no query returned: INC-deadbeef");

            ollama.script = twoRounds.apply("At 08:20 the database failed.");
            assertThat(withModel.ask("what failed at 08:20?").citations()).as("no citation: the offline answer").contains("INC-ac3f062b", "T-36968dcd");

            ollama.script = twoRounds.apply("At 08:20 the pool ran out [INC-ac3f062b].");
            ChatAnswer fr = withModel.ask("qu'est-ce qui a planté à 8h20 ?");
            assertThat(fr.answer()).as("answered in English to a French question: the offline answer").startsWith("Vers 08:20");
            assertThat(ollama.chatRequests.get(ollama.chatRequests.size() - 1).toString()).contains("in French");
        }
        ChatService down = chat.withModel("http://127.0.0.1:9", () -> "llama3.2:latest", () -> true);
        assertThat(down.ask("what failed at 09:06?").citations()).as("no server: the offline answer").contains("INC-3c2c35ca");
    }

    @Test
    void whatWasNeverSeenIsNotInvented() {
        ChatAnswer en = ask("have we seen frobnicator before?");
        assertThat(en.answer()).isEqualTo("I found nothing like “frobnicator”: no incident, template or stored line.");
        assertThat(en.citations()).isEmpty();
        ChatAnswer fr = ask("a-t-on déjà vu frobnicator ?");
        assertThat(fr.answer()).startsWith("Je n'ai rien trouvé de semblable à « frobnicator »");
        ChatAnswer weather = ask("what is the weather in Paris?");
        assertThat(weather.route()).isEqualTo("hybrid");
        assertThat(weather.answer()).startsWith("I found nothing for “what is the weather in Paris?”");
        assertThat(weather.citations()).isEmpty();
        assertThat(ask("INC-00000000").answer()).isEqualTo("I found no incident INC-00000000.");
    }

    @Test
    void anIncidentByItsIdAndAnythingElseByTheMemory() {
        ChatAnswer one = ask("tell me about INC-ac3f062b");
        assertThat(one.route()).isEqualTo("incident");
        assertThat(one.answer()).contains("database", "P1: See who holds connections", "Report: ");
        ChatAnswer hybrid = ask("database connection limit reached");
        assertThat(hybrid.route()).isEqualTo("hybrid");
        assertThat(hybrid.citations()).first().isEqualTo("INC-ac3f062b");
        assertThat(ask("  ").route()).isEqualTo("help");
    }
}
