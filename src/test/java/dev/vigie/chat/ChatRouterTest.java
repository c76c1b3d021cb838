package dev.vigie.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each question needs, its language and what it is about, decided without a model. */
class ChatRouterTest {
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 14, 10, 59, 0, 0, ZoneId.of("UTC"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "have we seen HikariPool before, and what fixed it?   | SIMILARITY | EN | HikariPool",
            "montre les erreurs similaires à HikariPool           | SIMILARITY | FR | HikariPool",
            "a-t-on déjà vu cette erreur ?                        | SIMILARITY | FR | ''",
            "show me errors like connection refused               | SIMILARITY | EN | connection refused",
            "which problems keep coming back?                     | RECURRENCE | EN | ''",
            "quels problèmes reviennent ?                         | RECURRENCE | FR | ''",
            "top errors this week                                 | RECURRENCE | EN | ''",
            "what failed at 14:30?                                | TIME       | EN | ''",
            "qu'est-ce qui a planté hier à 14h30 ?                | TIME       | FR | ''",
            "tell me about inc-AC3F062B                           | INCIDENT   | EN | ''",
            "database connection limit                            | HYBRID     | EN | database connection limit",
            "                                                     | HELP       | EN | ''",
    })
    void eachQuestionGoesWhereItsAnswerIs(String question, Route route, Language language, String subject) {
        RoutedQuestion q = ChatRouter.route(question == null ? "" : question, NOW);
        assertThat(q.route()).isEqualTo(route);
        assertThat(q.language()).isEqualTo(language);
        assertThat(q.subject()).isEqualTo(subject);
        if (route == Route.INCIDENT) {
            assertThat(q.incident()).isEqualTo("INC-ac3f062b");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-14T08:21:13Z ERROR HikariPool-1 - Connection is not available, request timed out after 30000ms",
            "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null at App.main(App.java:3)"})
    void aPastedLineIsLookedForAsItIs(String line) {
        RoutedQuestion q = ChatRouter.route(line, NOW);
        assertThat(q.route()).isEqualTo(Route.SIMILARITY);
        assertThat(q.subject()).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"have we seen this error before? | HikariPool timed out", "déjà vu ? | HikariPool timed out"})
    void thisIsWhatTheAnswerBeforeWasAbout(String question, String before) {
        assertThat(ChatRouter.route(question, NOW, before).subject()).isEqualTo(before);
    }
}
