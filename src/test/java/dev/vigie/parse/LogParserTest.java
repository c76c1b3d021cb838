package dev.vigie.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.event.Level;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogParserTest {
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final LogParser parser = new LogParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private LogEvent parse(String source, String text) {
        return parser.parse(new RawRecord(source, "k", "fp", text, 0, (int) text.lines().count(), 0));
    }

    @Test
    void jsonLinesWithTheCommonFieldNames() {
        LogEvent e = parse("/logs/api.jsonl", "{\"timestamp\":\"2026-03-14T08:20:00.250Z\",\"level\":\"ERROR\",\"service\":\"orders\","
                + "\"message\":\"pool exhausted\",\"status\":504,\"ctx\":{\"user\":\"u1\"}}");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T08:20:00.250Z"));
        assertThat(e.level()).isEqualTo(Level.ERROR);
        assertThat(e.service()).isEqualTo("orders");
        assertThat(e.message()).isEqualTo("pool exhausted");
        assertThat(e.fields()).containsEntry("status", "504").containsEntry("ctx.user", "u1");
        assertThat(e.timeInferred()).isFalse();

        LogEvent pino = parse("/logs/web.log", "{\"time\":1773476400000,\"level\":50,\"msg\":\"boom\",\"name\":\"web\"}");
        assertThat(pino.time()).isEqualTo(Instant.ofEpochMilli(1773476400000L));
        assertThat(pino.level()).isEqualTo(Level.ERROR);
        assertThat(pino.service()).isEqualTo("web");
    }

    @Test
    void plainTimestampLevelMessage() {
        LogEvent e = parse("/logs/app.log", "2026-03-14T08:00:01Z WARN disk almost full");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T08:00:01Z"));
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.message()).isEqualTo("disk almost full");
        assertThat(e.service()).isEqualTo("app");
    }

    @Test
    void cloudflaredPostgresqlSpringAndKernelForms() {
        LogEvent cf = parse("/l/cloudflared.log", "2026-03-14T09:05:02Z ERR Unable to reach the origin service error=\"dial tcp\" connIndex=0");
        assertThat(cf.level()).isEqualTo(Level.ERROR);
        assertThat(cf.message()).startsWith("Unable to reach the origin service");

        LogEvent pg = parse("/l/postgresql.log", "2026-03-14 08:20:00.700 UTC [4242] FATAL:  sorry, too many clients already");
        assertThat(pg.time()).isEqualTo(Instant.parse("2026-03-14T08:20:00.700Z"));
        assertThat(pg.level()).isEqualTo(Level.FATAL);
        assertThat(pg.message()).isEqualTo("sorry, too many clients already");
        assertThat(pg.fields()).containsEntry("pid", "4242");

        LogEvent spring = parse("/l/billing.log", "2026-03-14 09:50:10.200 ERROR 4242 --- [http-nio-8081-exec-7] "
                + "o.a.c.c.C.[.[.[/].[dispatcherServlet]        : Servlet.service() threw exception\n"
                + "java.lang.OutOfMemoryError: Java heap space\n\tat d.v.billing.InvoiceRenderer.render(InvoiceRenderer.java:142)");
        assertThat(spring.level()).isEqualTo(Level.ERROR);
        assertThat(spring.message()).isEqualTo("Servlet.service() threw exception");
        assertThat(spring.fields()).containsEntry("thread", "http-nio-8081-exec-7");
        assertThat(spring.hasException()).isTrue();

        LogEvent kernel = parse("/l/kern.log", "2026-03-14T09:50:12.424518+00:00 web-1 kernel: [95412.424518] Out of memory: "
                + "Killed process 4242 (java)");
        assertThat(kernel.service()).isEqualTo("kernel");
        assertThat(kernel.level()).isEqualTo(Level.FATAL);
        assertThat(kernel.message()).startsWith("Out of memory");
        assertThat(kernel.fields()).containsEntry("level_inferred", "true");
    }

    @Test
    void nginxAccessLogStatusGivesTheLevel() {
        LogEvent e = parse("/l/nginx-access.log", "203.0.113.7 - - [14/Mar/2026:10:30:01 +0000] \"POST /api/checkout HTTP/1.1\" 502 157 "
                + "\"-\" \"curl/8.5.0\" 0.004");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T10:30:01Z"));
        assertThat(e.level()).isEqualTo(Level.ERROR);
        assertThat(e.service()).isEqualTo("nginx");
        assertThat(e.fields()).containsEntry("status", "502").containsEntry("path", "/api/checkout").containsEntry("request_time", "0.004");
    }

    @Test
    void aLineWithoutTimeBorrowsThePreviousOneAndSaysSo() {
        parse("/l/app.log", "2026-03-14T08:00:01Z INFO first");
        LogEvent e = parse("/l/app.log", "no time here");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T08:00:01Z"));
        assertThat(e.timeInferred()).isTrue();
        LogEvent fresh = parse("/l/other.log", "no time either");
        assertThat(fresh.time()).isEqualTo(NOW);
        assertThat(fresh.timeInferred()).isTrue();
    }

    @Test
    void malformedJsonFallsBackAndGarbageIsRejectedAndCounted() {
        LogEvent broken = parse("/l/api.jsonl", "{\"level\":\"ERROR\",\"msg\":\"trunc");
        assertThat(broken).isNotNull();
        assertThat(broken.message()).startsWith("{\"level\"");
        assertThat(parse("/l/bin.log", "\u0000\u0001\u0002\u0003\uFFFD\uFFFD\u0007\u0008")).isNull();
        assertThat(parse("/l/bin.log", "   ")).isNull();
        assertThat(parse("/l/bin.log", "text with one \uFFFD replaced byte")).isNotNull();
    }

    @Test
    void aJsonLineTooDeepOrCutStillGivesItsOwnTime() {
        String deep = "{\"timestamp\":\"2026-03-14T08:20:00.250Z\",\"level\":\"ERROR\",\"payload\":" + "[".repeat(3000)
                + "]".repeat(3000) + "}";
        LogEvent e = parse("/l/api.jsonl", deep);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T08:20:00.250Z"));
        assertThat(e.timeInferred()).isFalse();
        assertThat(e.level()).isEqualTo(Level.ERROR);

        LogEvent cut = parse("/l/api.jsonl", "{\"ts\":1773476400.5,\"level\":\"warn\",\"msg\":\"pool exhausted, waiting for");
        assertThat(cut.time()).isEqualTo(Instant.parse("2026-03-14T08:20:00.500Z"));
        assertThat(cut.timeInferred()).isFalse();
        assertThat(cut.level()).isEqualTo(Level.WARN);
        assertThat(cut.message()).startsWith("{\"ts\":");
    }
}
