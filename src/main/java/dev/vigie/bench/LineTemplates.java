package dev.vigie.bench;

import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import dev.vigie.parse.LogParser;
import dev.vigie.template.Template;
import dev.vigie.template.TemplateMiner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The template of every line of a file, as {@code vigie templates} writes it. Lines are mined in
 * order, online; each line is written with its cluster's final template, the one it generalised to
 * by the end of the file.
 */
public final class LineTemplates {
    private final TemplateMiner miner;
    /** Per line, only its cluster: what the output needs, four bytes a line. */
    private final int[] perLine;
    private final int lines;

    private LineTemplates(TemplateMiner miner, int[] perLine, int lines) {
        this.miner = miner;
        this.perLine = perLine;
        this.lines = lines;
    }

    /** @param format a format name, a header format in Loghub's notation, or {@code auto} */
    public static LineTemplates of(Path file, String format) throws IOException {
        return of(file, format, new TemplateMiner());
    }

    /** The same with a miner set otherwise, as the benchmarks that choose its defaults do. */
    public static LineTemplates of(Path file, String format, TemplateMiner miner) throws IOException {
        LogParser parser = new LogParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), format, Map.of());
        int[] perLine = new int[1 << 16];
        int n = 0;
        String source = file.toString();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String line;
            long offset = 0;
            while ((line = in.readLine()) != null) {
                offset += line.length() + 1;
                LogEvent e = parser.parse(new RawRecord(source, source, "", line, offset, 1, 0));
                if (n == perLine.length) {
                    perLine = java.util.Arrays.copyOf(perLine, n * 2);
                }
                perLine[n++] = miner.assign(e == null ? "" : e.message());
            }
        }
        return new LineTemplates(miner, perLine, n);
    }

    public int lines() {
        return lines;
    }

    public int templates() {
        return miner.size();
    }

    /** {@code LineId,EventId,EventTemplate}, LineId from 1, quoted as CSV wants. */
    public void writeCsv(Writer w) throws IOException {
        w.write("LineId,EventId,EventTemplate\n");
        Map<Integer, String> rows = new java.util.HashMap<>(); // per cluster, ",id,template\n" once
        for (int i = 0; i < lines; i++) {
            String row = rows.computeIfAbsent(perLine[i], c -> {
                Template t = miner.templateOf(c);
                return ',' + t.id() + ',' + csv(t.text()) + '\n';
            });
            w.write(Integer.toString(i + 1));
            w.write(row);
        }
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
