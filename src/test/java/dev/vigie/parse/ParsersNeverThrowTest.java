package dev.vigie.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** No byte sequence makes a format or the parser throw: bad input is read as well as it can be, or rejected. */
class ParsersNeverThrowTest {
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Property(tries = 3000)
    void anyBytesAreParsedOrRejectedWithoutThrowing(@ForAll @Size(max = 400) byte[] bytes) {
        check(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 20000)
    void logLikeTextIsParsedOrRejectedWithoutThrowing(@ForAll("logLike") String line) {
        check(line);
    }

    @Property(tries = 3000)
    void jsonWithTheFieldNamesLoggersUseIsParsedWithoutThrowing(@ForAll("loggerJson") String line) {
        check(line);
    }

    private static void check(String line) {
        for (LogFormat f : Formats.SNIFFED) {
            f.parse(line, NOW);
        }
        new HeaderFormat("<Date> <Time> <Level> \\[<Process>\\] <Component>: <Content>").parse(line, NOW);
        LogEvent e = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC)).parse(new RawRecord("/l/x.log", "k", "f", line, 0, 1, 0));
        if (e != null) {
            assertThat(e.time()).isNotNull();
            assertThat(e.message()).isNotNull();
        }
    }

    /** JSON objects over the keys the JSON format looks for, with hostile values. */
    @Provide
    Arbitrary<String> loggerJson() {
        Arbitrary<String> key = Arbitraries.of("@timestamp", "timestamp", "time", "ts", "@t", "asctime", "level", "@l",
                "levelname", "msg", "message", "@mt", "service", "logger", "exception", "stack_trace");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(v -> "\"" + v.replace("\\", "").replace("\"", "") + "\""),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("9999999999999999999", "1e308", "-1", "1741962601.1234567", "null", "true", "[]", "{}",
                        "\"2025-02-30T25:61:61Z\"", "\"Feb 30 10:00:00\"", "{\"epochSecond\":\"x\"}",
                        "{\"epochSecond\":99999999999999999999,\"nanoOfSecond\":-5}"));
        Arbitrary<String> pair = Arbitraries.oneOf(
                key.flatMap(k -> value.map(v -> "\"" + k + "\":" + v)),
                value.map(v -> "\"instant\":" + v));
        return pair.list().ofMaxSize(6).map(pairs -> "{" + String.join(",", pairs) + "}");
    }

    /** Fragments of real log syntax glued at random: the inputs most likely to reach deep into a format. */
    @Provide
    Arbitrary<String> logLike() {
        Arbitrary<String> piece = Arbitraries.of("{", "}", "\"", ":", "=", " ", "[", "]", "<34>", "<165>1 ", "2025-03-14",
                "T", "14:30:01", ".123", ",5", "Z", "+01:00", " UTC", "Mar 14 ", "Feb 30 ", "99/99/99 ", "ERROR", "ERR",
                "level", "time", "ts", "msg", "\"level\":", "\"time\":", "1741962601", "1e308", "-", "\\", "\\u12",
                "[pid 12:tid 3]", "{\"instant\":{\"epochSecond\":", "\"x\"", "9999999999999999999", "[core:error]", "#1234: *5 ", "--- [main] ", " - ", "\uFFFD", "\u0000", "é", "|");
        return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }
}
