package dev.vigie.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One file per format, with lines as the real software prints them, read with the format sniffed. */
class FormatsTest {
    static final Instant NOW = Instant.parse("2025-12-31T12:00:00Z");

    private LogParser parser = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private final LogParser messages = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private List<LogEvent> read(String file) throws Exception {
        Path path = path(file);
        List<LogEvent> out = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            out.add(parser.parse(new RawRecord(path.toString(), "k", "f", line, 0, 1, 0)));
            assertThat(messages.message(path.toString(), line)).as("the message alone, as vigie templates reads it")
                    .isEqualTo(out.get(out.size() - 1).message());
        }
        assertThat(out).as(file).doesNotContainNull().allSatisfy(e -> assertThat(e.timeInferred())
                .as("time of " + e.raw()).isEqualTo(e.raw().startsWith("WARNING:root")));
        return out;
    }

    private static Path path(String file) throws URISyntaxException {
        return Path.of(FormatsTest.class.getResource("/formats/" + file).toURI());
    }

    private String sniffed(String file) throws URISyntaxException {
        return parser.formats().get(path(file).toString());
    }

    @Test
    void jsonLoggers() throws Exception {
        List<LogEvent> logstash = read("logback-logstash.jsonl");
        assertThat(logstash.get(0).time()).isEqualTo(Instant.parse("2025-03-14T13:30:01.123Z"));
        assertThat(logstash.get(0).service()).isEqualTo("orders");
        assertThat(logstash.get(0).fields()).containsEntry("logger", "com.shop.OrderService");
        assertThat(logstash.get(1).level()).isEqualTo(Level.ERROR);
        assertThat(logstash.get(1).hasException()).isTrue();

        LogEvent log4j = read("log4j2.jsonl").get(0);
        assertThat(log4j.time()).isEqualTo(Instant.ofEpochSecond(1741962601, 123_000_000));
        assertThat(log4j.level()).isEqualTo(Level.WARN);
        assertThat(log4j.fields()).containsEntry("logger", "org.example.Cache");

        List<LogEvent> pino = read("pino.jsonl");
        assertThat(pino).extracting(LogEvent::level).containsExactly(Level.INFO, Level.ERROR);
        assertThat(pino.get(1).message()).isEqualTo("upstream timeout");
        assertThat(pino.get(1).hasException()).isTrue();

        LogEvent zap = read("zap.jsonl").get(0);
        assertThat(zap.time()).isEqualTo(Instant.parse("2025-03-14T14:30:01.123456700Z"));
        assertThat(zap.level()).isEqualTo(Level.ERROR);
        assertThat(zap.fields()).containsEntry("logger", "gateway").containsEntry("upstream", "10.0.0.7:8080");

        List<LogEvent> serilog = read("serilog.jsonl");
        assertThat(serilog).extracting(LogEvent::level).containsExactly(Level.INFO, Level.WARN);
        assertThat(serilog.get(0).message()).isEqualTo("Processed {OrderId} in {Elapsed} ms");

        LogEvent python = read("python-json.jsonl").get(0);
        assertThat(python.time()).isEqualTo(Instant.parse("2025-03-14T14:30:01.123Z"));
        assertThat(python.level()).isEqualTo(Level.ERROR);
        assertThat(python.hasException()).isTrue();
        assertThat(sniffed("python-json.jsonl")).isEqualTo("json");
    }

    @Test
    void cloudflaredJsonAndConsoleForms() throws Exception {
        List<LogEvent> json = read("cloudflared.jsonl");
        assertThat(json.get(0).level()).isEqualTo(Level.ERROR);
        assertThat(json.get(0).message()).isEqualTo("Request failed");
        assertThat(json.get(0).fields()).containsEntry("connIndex", "0").containsKey("error");
        assertThat(json.get(1).fields()).containsEntry("ip", "198.41.200.23");

        List<LogEvent> console = read("cloudflared.log");
        assertThat(console).extracting(LogEvent::level).containsExactly(Level.INFO, Level.ERROR, Level.WARN);
        assertThat(console.get(1).message()).startsWith("Unable to reach the origin service");
        assertThat(console.get(1).service()).isEqualTo("cloudflared");
    }

    @Test
    void logfmt() throws Exception {
        List<LogEvent> e = read("logfmt.log");
        assertThat(sniffed("logfmt.log")).isEqualTo("logfmt");
        assertThat(e.get(0).message()).isEqualTo("http request");
        assertThat(e.get(0).fields()).containsEntry("status", "200").containsEntry("path", "/api/orders");
        assertThat(e.get(1).level()).isEqualTo(Level.ERROR);
        assertThat(e.get(1).message()).isEqualTo("query failed: too many connections");
    }

    @Test
    void syslogAndJournald() throws Exception {
        List<LogEvent> rfc5424 = read("syslog-5424.log");
        assertThat(rfc5424.get(0).service()).isEqualTo("evntslog");
        assertThat(rfc5424.get(0).level()).isEqualTo(Level.INFO);
        assertThat(rfc5424.get(0).fields()).containsEntry("host", "mymachine.example.com").containsEntry("msgid", "ID47");
        assertThat(rfc5424.get(1).level()).isEqualTo(Level.FATAL);
        assertThat(rfc5424.get(1).time()).isEqualTo(Instant.parse("2025-03-14T14:30:02Z"));

        List<LogEvent> rfc3164 = read("syslog-3164.log");
        assertThat(rfc3164.get(0).time()).isEqualTo(Instant.parse("2025-03-14T14:30:01Z"));
        assertThat(rfc3164.get(0).service()).isEqualTo("su");
        assertThat(rfc3164.get(1).time()).isEqualTo(Instant.parse("2025-03-04T14:30:02Z"));
        assertThat(rfc3164.get(1).fields()).containsEntry("pid", "4242");

        List<LogEvent> journal = read("journald-short.log");
        assertThat(journal).extracting(LogEvent::service).containsExactly("systemd", "sshd", "kernel");
        assertThat(journal.get(1).level()).as("no level written: sshd's failed password is a warning").isEqualTo(Level.WARN);
        assertThat(journal.get(2).level()).isEqualTo(Level.FATAL);
        assertThat(journal.get(2).message()).startsWith("Out of memory");
        assertThat(sniffed("journald-short.log")).isEqualTo("syslog");
    }

    @Test
    void accessLogs() throws Exception {
        List<LogEvent> nginx = read("nginx-access.log");
        assertThat(nginx.get(0).time()).isEqualTo(Instant.parse("2025-03-14T13:30:01Z"));
        assertThat(nginx.get(0).fields()).containsEntry("request_time", "0.012").containsEntry("status", "200");
        assertThat(nginx.get(1).level()).isEqualTo(Level.ERROR);
        List<LogEvent> apache = read("apache-access.log");
        assertThat(apache.get(1).level()).isEqualTo(Level.WARN);
        assertThat(apache.get(0).fields()).doesNotContainKey("request_time");
    }

    @Test
    void errorLogs() throws Exception {
        List<LogEvent> nginx = read("nginx-error.log");
        assertThat(nginx).extracting(LogEvent::level).containsExactly(Level.ERROR, Level.WARN, Level.FATAL);
        assertThat(nginx.get(0).message()).isEqualTo("connect() failed (111: Connection refused) while connecting to upstream");
        assertThat(nginx.get(0).fields()).containsEntry("upstream", "http://127.0.0.1:8080/api/orders")
                .containsEntry("client", "203.0.113.7");
        List<LogEvent> apache = read("apache-error.log");
        assertThat(apache).extracting(LogEvent::level).containsExactly(Level.ERROR, Level.INFO, Level.ERROR);
        assertThat(apache.get(0).time()).isEqualTo(Instant.parse("2025-03-14T14:30:01.123456Z"));
        assertThat(apache.get(0).fields()).containsEntry("module", "core").containsEntry("client", "203.0.113.7:52144");
        assertThat(apache.get(2).time()).isEqualTo(Instant.parse("2005-12-04T04:47:44Z"));
    }

    @Test
    void applicationLogs() throws Exception {
        List<LogEvent> spring = read("spring-boot.log");
        assertThat(spring.get(1).level()).isEqualTo(Level.ERROR);
        assertThat(spring.get(1).fields()).containsEntry("thread", "nio-8080-exec-3");
        List<LogEvent> log4j = read("log4j.log");
        assertThat(log4j.get(0).fields()).containsEntry("thread", "main").containsEntry("logger", "com.example.Importer");
        assertThat(log4j.get(0).message()).isEqualTo("Import failed for batch 42");
        assertThat(log4j.get(1).time()).isEqualTo(Instant.parse("2025-03-14T14:30:02.456Z"));
        assertThat(log4j.get(1).level()).isEqualTo(Level.WARN);
        List<LogEvent> python = read("python.log");
        assertThat(python.get(0).fields()).containsEntry("logger", "worker.tasks");
        assertThat(python.get(0).message()).isEqualTo("task 42 failed");
        assertThat(python.get(1).level()).isEqualTo(Level.WARN);
        List<LogEvent> go = read("go.log");
        assertThat(go.get(1).time()).isEqualTo(Instant.parse("2025-03-14T14:30:02.123456Z"));
        assertThat(go.get(1).level()).as("Go's log writes no level: words make a warning, never an error").isEqualTo(Level.WARN);
        List<LogEvent> pg = read("postgresql.log");
        assertThat(pg).extracting(LogEvent::level).containsExactly(Level.FATAL, Level.INFO);
        assertThat(pg.get(0).service()).isEqualTo("postgresql");
    }

    @Test
    void aHeaderFormatInLoghubNotation() {
        parser = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC), "<Date> <Time> <Pid> <Level> <Component>: <Content>", Map.of());
        LogEvent e = parser.parse(new RawRecord("/l/hdfs.log", "k", "f",
                "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating",
                0, 1, 0));
        assertThat(e.time()).isEqualTo(Instant.parse("2008-11-09T20:36:15Z"));
        assertThat(e.level()).isEqualTo(Level.INFO);
        assertThat(e.message()).isEqualTo("PacketResponder 1 for block blk_38865049064139660 terminating");
        assertThat(e.fields()).containsEntry("logger", "dfs.DataNode$PacketResponder").containsEntry("Pid", "148");
    }

    @Test
    void aFormatSetForSomeSourcesWinsOverSniffing() {
        parser = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC), "auto", Map.of("/l/*.csv", "logfmt"));
        LogEvent e = parser.parse(new RawRecord("/l/odd.csv", "k", "f", "2025-03-14T14:30:01Z ERROR looks plain", 0, 1, 0));
        // not read as plain (its level word stays in the message), though its time is still found
        assertThat(e.message()).isEqualTo("ERROR looks plain");
        assertThat(e.timeInferred()).isFalse();
        assertThatThrownBy(() -> new LogParser(Clock.systemUTC(), "nginx-eror", Map.of()))
                .hasMessageStartingWith("unknown log format 'nginx-eror'; use one of [auto, json");
    }

    @Test
    void absurdTimesAreNotBelievedAndSaidSo() {
        parser.parse(new RawRecord("/l/a.log", "k", "f", "2025-03-14T14:30:00Z INFO before", 0, 1, 0));
        LogEvent future = parser.parse(new RawRecord("/l/a.log", "k", "f", "2099-01-01T00:00:00Z INFO from the future", 0, 1, 0));
        assertThat(future.time()).isEqualTo(Instant.parse("2025-03-14T14:30:00Z"));
        assertThat(future.timeInferred()).isTrue();
        assertThat(future.fields()).containsEntry("time_absurd", "2099-01-01T00:00:00Z");
    }

    @Test
    void aSourceNoFormatReadsIsNoLongerOfferedToEachFormatButStillNoticesAChange() {
        LogParser sniffing = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 1_500; i++) {
            LogEvent e = sniffing.parse(new RawRecord("/l/custom.log", "k", "f", "081109 2036" + (10 + i % 50) + " 148 INFO custom line " + i, 0, 1, 0));
            assertThat(e.timeInferred()).isFalse();
        }
        int plain = 0;
        for (int i = 0; i < 600; i++) {
            LogEvent e = sniffing.parse(new RawRecord("/l/custom.log", "k", "f",
                    "{\"time\":\"2025-12-31T11:00:00Z\",\"level\":\"error\",\"msg\":\"json now\"}", 0, 1, 0));
            plain += e.message().equals("json now") ? 0 : 1;
        }
        assertThat(plain).as("lines before the formats are offered one again").isLessThanOrEqualTo(256);
        assertThat(sniffing.formats()).containsEntry("/l/custom.log", "json");
    }
}
