package dev.vigie.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.bench.ReportedScores;
import dev.vigie.config.DetectorSettings;
import dev.vigie.sim.MetricCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * NAB's scoring, as {@code ../shared/tools/nab_score.py} re-implements it from NAB's sweeper and
 * optimiser, in Java so that leave-one-out can score dozens of settings in seconds:
 * anomaly windows, the probationary 15%, the scaled sigmoid, the threshold swept over every
 * distinct score, and the normalisation against the null detector over the same files.
 * {@link NabScoreTest} checks it against the Python scorer on the default settings.
 */
final class NabScoring {
    record Profile(String name, double tp, double fp, double fn) {
    }

    /** One data file: its category, times, values and windows (as indexes of its first and last points). */
    record Series(String name, String category, long[] times, double[] values, int[][] windows) {
    }

    /** A point scored for a threshold sweep: its score, what detecting it is worth, and its window (-1: none). */
    private record Point(double score, double worth, int window) {
    }

    /** The best threshold on some files and the normalised score it gives. */
    record Optimum(double threshold, double score) {
    }

    static final List<Profile> PROFILES = List.of(new Profile("standard", 1.0, 0.11, 1.0),
            new Profile("reward_low_FP_rate", 1.0, 0.22, 1.0), new Profile("reward_low_FN_rate", 1.0, 0.11, 2.0));

    private NabScoring() {
    }

    static List<Series> load(Path nab) throws IOException {
        JsonNode labels = new ObjectMapper().readTree(nab.resolve("labels").resolve("combined_windows.json").toFile());
        JsonNode profiles = new ObjectMapper().readTree(nab.resolve("config").resolve("profiles.json").toFile());
        for (Profile p : PROFILES) {
            JsonNode costs = profiles.get(p.name()).get("CostMatrix");
            if (costs.get("tpWeight").asDouble() != p.tp() || costs.get("fpWeight").asDouble() != p.fp()
                    || costs.get("fnWeight").asDouble() != p.fn()) {
                throw new IllegalStateException("NAB's profiles changed: " + profiles);
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(nab.resolve("data"))) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<Series> out = new ArrayList<>();
        for (Path file : files) {
            String name = nab.resolve("data").relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long[] times = new long[lines.size() - 1];
            double[] values = new double[times.length];
            Map<Long, Integer> index = new HashMap<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                times[i - 1] = MetricCsv.time(cells[0].strip()).getEpochSecond();
                values[i - 1] = Double.parseDouble(cells[1].strip());
                index.putIfAbsent(times[i - 1], i - 1);
            }
            List<int[]> windows = new ArrayList<>();
            for (JsonNode w : labels.get(name)) {
                windows.add(new int[] {index.get(time(w.get(0).asText())), index.get(time(w.get(1).asText()))});
            }
            out.add(new Series(name, name.substring(0, name.indexOf('/')), times, values, windows.toArray(int[][]::new)));
        }
        return out;
    }

    private static long time(String label) {
        Instant t = MetricCsv.time(label.length() > 19 ? label.substring(0, 19) : label);
        return t.getEpochSecond();
    }

    /** Every point's score as {@code vigie score} writes it (six decimals), with these settings. */
    static double[] scores(Series s, DetectorSettings settings) {
        ReportedScores reported = new ReportedScores(settings);
        double[] out = new double[s.values().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(reported.next(s.times()[i], s.values()[i]) * 1e6) / 1e6;
        }
        return out;
    }

    /** The threshold NAB's optimiser picks on these files, and the normalised score there. */
    static Optimum optimize(Collection<Series> files, Map<String, double[]> scores, Profile profile) {
        List<Point> points = new ArrayList<>();
        int windows = 0;
        for (Series s : files) {
            windows = sweep(s, scores.get(s.name()), profile, points, windows);
        }
        points.sort((a, b) -> Double.compare(b.score(), a.score()));
        double[] best = new double[windows];
        Arrays.fill(best, -profile.fn());
        double windowTotal = -profile.fn() * windows;
        double fpTotal = 0;
        double threshold = 1.1;
        double bestRaw = windowTotal;
        double bestThreshold = threshold;
        for (Point p : points) {
            if (p.score() != threshold) {
                // NAB keeps the highest threshold among equal scores: a later, lower one must beat it
                if (fpTotal + windowTotal > bestRaw) {
                    bestRaw = fpTotal + windowTotal;
                    bestThreshold = threshold;
                }
                threshold = p.score();
            }
            if (p.window() >= 0) {
                if (p.worth() > best[p.window()]) {
                    windowTotal += p.worth() - best[p.window()];
                    best[p.window()] = p.worth();
                }
            } else {
                fpTotal += p.worth();
            }
        }
        if (fpTotal + windowTotal > bestRaw) {
            bestRaw = fpTotal + windowTotal;
            bestThreshold = threshold;
        }
        return new Optimum(bestThreshold, normalise(bestRaw, windows, profile));
    }

    /** The normalised score of these files at a threshold chosen elsewhere. */
    static double scoreAt(Collection<Series> files, Map<String, double[]> scores, Profile profile, double threshold) {
        List<Point> points = new ArrayList<>();
        int windows = 0;
        for (Series s : files) {
            windows = sweep(s, scores.get(s.name()), profile, points, windows);
        }
        double[] best = new double[windows];
        Arrays.fill(best, -profile.fn());
        double raw = 0;
        for (Point p : points) {
            if (p.score() >= threshold) {
                if (p.window() >= 0) {
                    best[p.window()] = Math.max(best[p.window()], p.worth());
                } else {
                    raw += p.worth();
                }
            }
        }
        for (double b : best) {
            raw += b;
        }
        return normalise(raw, windows, profile);
    }

    /** The null detector finds nothing (its best threshold): every window missed. */
    private static double normalise(double raw, int windows, Profile profile) {
        double nothing = -profile.fn() * windows;
        double perfect = profile.tp() * windows;
        return 100 * (raw - nothing) / (perfect - nothing);
    }

    /** The scorable points of one file with what each is worth, as NAB's sweeper values them; returns the windows so far. */
    private static int sweep(Series s, double[] scores, Profile profile, List<Point> out, int windowBase) {
        int n = scores.length;
        double probation = Math.min(Math.floor(0.15 * n), 0.15 * 5000);
        double maxTp = scaledSigmoid(-1.0);
        int next = 0;
        int[] current = null;
        int currentIndex = -1;
        double width = 0;
        int previousRight = -1;
        double previousWidth = 0;
        for (int i = 0; i < n; i++) {
            if (current == null && next < s.windows().length && i == s.windows()[next][0]) {
                current = s.windows()[next];
                currentIndex = windowBase + next;
                width = current[1] - current[0] + 1;
                next++;
            }
            double worth;
            if (current != null) {
                worth = scaledSigmoid(-(current[1] - i + 1) / width) * profile.tp() / maxTp;
            } else {
                worth = (previousRight < 0 ? -1.0 : scaledSigmoid(Math.abs(previousRight - i) / (previousWidth - 1))) * profile.fp();
            }
            if (i >= probation) {
                out.add(new Point(scores[i], worth, current != null ? currentIndex : -1));
            }
            if (current != null && i == current[1]) {
                previousRight = i;
                previousWidth = width;
                current = null;
            }
        }
        return windowBase + s.windows().length;
    }

    private static double scaledSigmoid(double position) {
        return position > 3.0 ? -1.0 : 2 / (1 + Math.exp(5 * position)) - 1.0;
    }
}
