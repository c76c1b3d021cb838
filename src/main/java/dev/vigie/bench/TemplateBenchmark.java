package dev.vigie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.event.LogEvent;
import dev.vigie.ingest.RawRecord;
import dev.vigie.parse.LogParser;
import dev.vigie.template.TemplateMiner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * {@code vigie bench templates}: lines per second through the miner on one thread, over a corpus
 * assembled from the Loghub samples (the messages of every system, in a seeded shuffled order, each
 * number redrawn so that no two lines repeat), the median of several runs; and the templates and
 * the heap the miner holds at the end, to show memory follows templates, not lines.
 */
public final class TemplateBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public record Result(int lines, int runs, double linesPerS, double linesPerCpuS, int templates, long minerHeapKb) {
    }

    private TemplateBenchmark() {
    }

    public static Result run(Path loghub, int lines, int runs, long seed) throws IOException {
        String[] corpus = corpus(loghub, lines, seed);
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        int templates = 0;
        long heldKb = 0;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int r = 0; r < runs; r++) {
            TemplateMiner miner = new TemplateMiner();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (String line : corpus) {
                miner.mine(line, t0);
            }
            long elapsed = System.nanoTime() - start;
            long cpuElapsed = CPU.getCurrentThreadCpuTime() - cpu0;
            wall[r] = corpus.length / (elapsed / 1e9);
            cpu[r] = corpus.length / (cpuElapsed / 1e9);
            templates = miner.size();
        }
        // the heap a miner holds, measured apart: full collections between timed runs would disturb them
        long before = usedHeapAfterGc();
        TemplateMiner held = new TemplateMiner();
        for (String line : corpus) {
            held.mine(line, t0);
        }
        heldKb = Math.max(0, usedHeapAfterGc() - before) / 1024;
        if (held.size() != templates) {
            throw new IllegalStateException("the miner is not deterministic: " + held.size() + " != " + templates);
        }
        return new Result(corpus.length, runs, median(wall), median(cpu), templates, heldKb);
    }

    /** The messages of every Loghub system, repeated in a seeded order up to {@code lines}, numbers redrawn. */
    static String[] corpus(Path loghub, int lines, long seed) throws IOException {
        Path formats = loghub.resolve("formats.json");
        if (!Files.isRegularFile(formats)) {
            throw new IllegalArgumentException("no Loghub samples at " + loghub
                    + " (formats.json missing); give their directory with --loghub");
        }
        JsonNode systems = new ObjectMapper().readTree(formats.toFile());
        List<String> messages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> s : (Iterable<Map.Entry<String, JsonNode>>) systems::fields) {
            Path file = loghub.resolve(s.getValue().get("log_file").asText());
            LogParser parser = new LogParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), s.getValue().get("log_format").asText(),
                    Map.of());
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                LogEvent e = parser.parse(new RawRecord(file.toString(), "", "", line, 0, 1, 0));
                if (e != null) {
                    messages.add(e.message());
                }
            }
        }
        Random random = new Random(seed);
        String[] out = new String[lines];
        for (int i = 0; i < lines; i++) {
            out[i] = redrawNumbers(messages.get(random.nextInt(messages.size())), random);
        }
        return out;
    }

    private static String redrawNumbers(String s, Random random) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                c[i] = (char) ('0' + random.nextInt(10));
            }
        }
        return new String(c);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(double[] values) {
        return new Median().evaluate(values);
    }

}
