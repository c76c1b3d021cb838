package dev.vigie.bench;

import dev.vigie.parse.LogParser;
import dev.vigie.template.Template;
import dev.vigie.template.TemplateMiner;
import dev.vigie.template.TokenBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
        String source = file.toString();
        // one thread reads and parses, the other mines, in order, chunk by chunk; when the miner falls
        // behind, the reading thread also splits chunks into tokens for it
        BlockingQueue<TokenBatch> chunks = new ArrayBlockingQueue<>(QUEUE);
        TokenBatch.Reader tokens = new TokenBatch.Reader();
        ExecutorService mining = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigie-templates-miner");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<LineTemplates> mined = mining.submit(() -> mine(chunks, miner));
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
                String[] chunk = new String[CHUNK];
                int n = 0;
                String line;
                boolean taken = true;
                while (taken && (line = in.readLine()) != null) {
                    chunk[n++] = parser.message(source, line);
                    if (n == CHUNK) {
                        TokenBatch batch = new TokenBatch(chunk, n);
                        if (chunks.size() >= QUEUE / 2) {
                            tokens.read(batch);
                        }
                        taken = put(chunks, batch, mined);
                        n = 0;
                    }
                }
                if (taken && put(chunks, new TokenBatch(chunk, n), mined)) {
                    put(chunks, END, mined);
                }
            }
            return mined.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while mining " + file, e);
        } catch (ExecutionException e) {
            throw new IOException("mining " + file + " failed: " + e.getCause(), e.getCause());
        } finally {
            mining.shutdownNow();
        }
    }

    private static final int CHUNK = 4_096;
    private static final int QUEUE = 8;
    private static final TokenBatch END = new TokenBatch(new String[0], 0);

    /** @return false when the miner is gone (it failed: {@code get()} says why), so reading stops */
    private static boolean put(BlockingQueue<TokenBatch> chunks, TokenBatch chunk, Future<?> miner) throws InterruptedException {
        while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            if (miner.isDone()) {
                return false;
            }
        }
        return true;
    }

    private static LineTemplates mine(BlockingQueue<TokenBatch> chunks, TemplateMiner miner) throws InterruptedException {
        int[] perLine = new int[1 << 16];
        int n = 0;
        for (TokenBatch chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
            if (n + chunk.size() > perLine.length) {
                perLine = java.util.Arrays.copyOf(perLine, Math.max(perLine.length * 2, n + chunk.size()));
            }
            for (int i = 0; i < chunk.size(); i++) {
                perLine[n++] = miner.assign(chunk, i);
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

    /** {@code LineId,EventId,EventTemplate}, LineId from 1, quoted as CSV wants, as UTF-8 bytes written without a character encoder. */
    public void writeCsv(OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        byte[] header = "LineId,EventId,EventTemplate\n".getBytes(StandardCharsets.UTF_8);
        out.write(header);
        Map<Integer, byte[]> rows = new java.util.HashMap<>();
        byte[] digits = new byte[11];
        int at = 0;
        for (int i = 0; i < lines; i++) {
            byte[] row = rows.computeIfAbsent(perLine[i], c -> row(c).getBytes(StandardCharsets.UTF_8));
            if (at + digits.length + row.length > buffer.length) {
                out.write(buffer, 0, at);
                at = 0;
                if (row.length + digits.length > buffer.length) {
                    buffer = new byte[row.length + digits.length];
                }
            }
            int d = digits.length;
            for (int v = i + 1; v > 0; v /= 10) {
                digits[--d] = (byte) ('0' + v % 10);
            }
            System.arraycopy(digits, d, buffer, at, digits.length - d);
            at += digits.length - d;
            System.arraycopy(row, 0, buffer, at, row.length);
            at += row.length;
        }
        out.write(buffer, 0, at);
    }

    /** Per cluster, {@code ,id,template} and the line's end, made once. */
    private String row(int cluster) {
        Template t = miner.templateOf(cluster);
        return ',' + t.id() + ',' + csv(t.text()) + '\n';
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
