package dev.vigie.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each way of saying when, in English and French, read against a fixed "now" (Saturday 2026-03-14 10:59, Paris). */
class TimeExpressionsTest {
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 14, 10, 59, 0, 0, ZoneId.of("Europe/Paris"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what failed at 14:30?                     | 2026-03-14T14:15 | 2026-03-14T14:45",
            "qu'est-ce qui a planté hier à 14h30 ?     | 2026-03-13T14:15 | 2026-03-13T14:45",
            "à 9h                                       | 2026-03-14T08:45 | 2026-03-14T09:15",
            "at 9 pm                                    | 2026-03-14T20:45 | 2026-03-14T21:15",
            "at 12am                                    | 2026-03-13T23:45 | 2026-03-14T00:15",
            "between 2 and 3 pm                         | 2026-03-14T14:00 | 2026-03-14T15:00",
            "entre 14h et 15h30                         | 2026-03-14T14:00 | 2026-03-14T15:30",
            "from 23:00 to 01:00                        | 2026-03-14T23:00 | 2026-03-15T01:00",
            "last night                                 | 2026-03-13T22:00 | 2026-03-14T06:00",
            "cette nuit                                 | 2026-03-13T22:00 | 2026-03-14T06:00",
            "this morning                               | 2026-03-14T06:00 | 2026-03-14T12:00",
            "hier soir                                  | 2026-03-13T18:00 | 2026-03-14T00:00",
            "yesterday                                  | 2026-03-13T00:00 | 2026-03-14T00:00",
            "le 14 mars                                 | 2026-03-14T00:00 | 2026-03-15T00:00",
            "on March 2nd at 10:15                      | 2026-03-02T10:00 | 2026-03-02T10:30",
            "le 20 mars                                 | 2025-03-20T00:00 | 2025-03-21T00:00",
            "2026-01-05                                 | 2026-01-05T00:00 | 2026-01-06T00:00",
            "top errors this week                       | 2026-03-07T10:59 | 2026-03-14T10:59",
            "in the last hour                           | 2026-03-14T09:59 | 2026-03-14T10:59",
    })
    void eachExpressionNamesItsSpan(String question, String from, String to) {
        TimeRange r = TimeExpressions.read(question, NOW).orElseThrow();
        assertThat(r.from().atZone(NOW.getZone()).toLocalDateTime()).hasToString(from);
        assertThat(r.to().atZone(NOW.getZone()).toLocalDateTime()).hasToString(to);
        assertThat(r.zone()).isEqualTo(NOW.getZone());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"which problems keep coming back?", "have we seen HikariPool-1 before?",
            "show 5 errors like connection refused", "le 31 février", "at 25:00"})
    void noTimeIsMadeUp(String question) {
        assertThat(TimeExpressions.read(question, NOW)).isEqualTo(Optional.empty());
    }
}
