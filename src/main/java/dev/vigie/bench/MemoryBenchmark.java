package dev.vigie.bench;

import dev.vigie.chat.ChatService;
import dev.vigie.memory.Embedder;
import dev.vigie.memory.Memory;
import dev.vigie.memory.MemoryQuery;
import dev.vigie.memory.MemoryRecord;
import dev.vigie.memory.MiniLmEmbedder;
import dev.vigie.privacy.Redactor;
import dev.vigie.store.Store;
import dev.vigie.store.StoreBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code vigie bench memory}: a memory of {@code incidents} synthetic incidents (SQLite and the
 * Lucene index; the index is filled with precomputed vectors, each kind's real embedding plus
 * seeded noise, as embedding them all would take an hour), then, with the real embedding model:
 * hybrid searches (the query's embedding timed apart; the first ones after opening apart from the
 * steady ones), offline chat answers all included (routing, SQL, embedding, search), and the
 * indexing rate of new incidents through the outbox.
 */
public final class MemoryBenchmark {
    /** @param firstSearchP99Ms the first searches after opening the index, before the steady ones that the other figures time */
    public record Result(int incidents, int queries, double fillSeconds, double firstSearchP99Ms, double searchP50Ms, double searchP99Ms,
                         double embedP50Ms,
                         double embedP99Ms, double answerP50Ms, double answerP99Ms, double indexPerSecond, int indexed) {
    }

    private static final int WARM_UP = 20;

    /** Hybrid searches for incidents of random kinds: each one's search time, then its query's embedding time. */
    private static double[][] searches(Memory memory, MiniLmEmbedder model, int queries, SplittableRandom random) {
        double[] search = new double[queries];
        double[] embed = new double[queries];
        for (int q = 0; q < queries; q++) {
            String text = SyntheticIncidents.cause(SyntheticIncidents.KINDS.get(random.nextInt(SyntheticIncidents.KINDS.size())), random);
            long a = System.nanoTime();
            float[] vector = model.embed(text);
            long b = System.nanoTime();
            memory.search(MemoryQuery.of(text, vector, 5).kinds(MemoryRecord.Kind.INCIDENT));
            embed[q] = (b - a) / 1e6;
            search[q] = (System.nanoTime() - b) / 1e6;
        }
        return new double[][] {search, embed};
    }

    private MemoryBenchmark() {
    }

    public static Result run(Path dir, int incidents, int queries, int indexed) throws IOException {
        Redactor redactor = Redactor.standard();
        MiniLmEmbedder model = new MiniLmEmbedder();
        List<SyntheticIncidents.Incident> all = SyntheticIncidents.generate(incidents, 0, 42);
        try (Store store = new Store(dir.resolve("vigie.db"), Clock.systemUTC())) {
            write(store, all);
            long t0 = System.nanoTime();
            try (Memory fill = Memory.lucene(dir.resolve("memory"), store, precomputed(model), redactor)) {
                fill.rebuild();
            }
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            try (Memory memory = Memory.lucene(dir.resolve("memory"), store, model, redactor)) {
                memory.catchUp(); // the same model's name: nothing to learn again
                // the first searches after opening pay for loading the index and compiling the code: timed apart
                double[][] first = searches(memory, model, queries, new SplittableRandom(7));
                double[][] steady = searches(memory, model, queries, new SplittableRandom(8));
                double[] search = steady[0];
                double[] embed = steady[1];
                SplittableRandom random = new SplittableRandom(9);
                ChatService chat = new ChatService(store, () -> memory, ZoneId.of("UTC"), Clock.systemUTC());
                List<String> questions = questions(all, random);
                double[] answer = new double[queries];
                for (int q = -WARM_UP; q < queries; q++) {
                    String question = questions.get(Math.floorMod(q, questions.size()));
                    long a = System.nanoTime();
                    chat.ask(question);
                    if (q >= 0) {
                        answer[q] = (System.nanoTime() - a) / 1e6;
                    }
                }
                write(store, SyntheticIncidents.generate(indexed, incidents, 43));
                long i0 = System.nanoTime();
                int learned = memory.catchUp();
                double perSecond = learned / ((System.nanoTime() - i0) / 1e9);
                return new Result(incidents, queries, fillSeconds, percentile(first[0], 0.99), percentile(search, 0.5), percentile(search, 0.99),
                        percentile(embed, 0.5),
                        percentile(embed, 0.99), percentile(answer, 0.5), percentile(answer, 0.99), perSecond, learned);
            }
        }
    }

    /** A question of each route the chat has, about the incidents stored. */
    private static List<String> questions(List<SyntheticIncidents.Incident> all, SplittableRandom random) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            SyntheticIncidents.Incident i = all.get(random.nextInt(all.size()));
            out.add("have we seen " + i.cause() + " before?");
            out.add("what failed on " + i.report().start().toString().substring(0, 10) + " at " + i.report().start().toString().substring(11, 16) + "?");
            out.add("which problems keep coming back?");
            out.add("tell me about " + i.report().incidentId());
            out.add(i.kindOf().template());
        }
        return out;
    }

    private static void write(Store store, List<SyntheticIncidents.Incident> incidents) {
        for (int from = 0; from < incidents.size(); from += 5_000) {
            StoreBatch b = new StoreBatch();
            incidents.subList(from, Math.min(incidents.size(), from + 5_000)).forEach(i -> b.report(i.report()));
            store.write(b);
        }
    }

    /** Each kind's real embedding, with seeded noise per incident, under the real model's name. */
    private static Embedder precomputed(MiniLmEmbedder model) {
        float[][] base = new float[SyntheticIncidents.KINDS.size()][];
        for (int k = 0; k < base.length; k++) {
            SyntheticIncidents.Kind kind = SyntheticIncidents.KINDS.get(k);
            base[k] = model.embed(kind.domain() + ": " + String.format(kind.phrasings().get(0), "a service", 10) + "\n" + kind.template());
        }
        return new Embedder() {
            @Override
            public String model() {
                return model.model();
            }

            @Override
            public float[] embed(String text) {
                // each kind has a log template of its own, and the record's text holds it
                for (int k = 0; k < base.length; k++) {
                    if (text.contains(SyntheticIncidents.KINDS.get(k).template())) {
                        return noisy(base[k], text.hashCode());
                    }
                }
                return noisy(base[0], text.hashCode());
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }
        };
    }

    private static float[] noisy(float[] base, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = Arrays.copyOf(base, base.length);
        for (int k = 0; k < v.length; k++) {
            v[k] += (float) (r.nextGaussian() * 0.02);
        }
        return v;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
