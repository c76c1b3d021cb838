package dev.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.config.DetectorSettings;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How the metric scorer's defaults generalise: each NAB category that has anomaly windows is left
 * out in turn; every numeric setting is chosen on the other categories (one at a time, among the
 * values around its default, by the standard score), the threshold too, and the left-out category
 * is scored with them. Prints the table that {@code docs/benchmarks.md} holds. The left-out score
 * is given twice: at the threshold chosen on the other categories (what a user who never tunes gets)
 * and at the left-out category's own best threshold (NAB's way, as published detectors are scored).
 */
class NabLeaveOneOutTest {
    /** A setting of the scorer and the values tried for it; the default is among them. */
    record Knob(String name, double[] values, BiFunction<DetectorSettings.Builder, Double, DetectorSettings.Builder> set) {
    }

    static final List<Knob> KNOBS = List.of(
            new Knob("robustWindow", new double[] {16, 20, 24, 28, 32}, (b, v) -> b.robustWindow(v.intValue())),
            new Knob("errorAlpha", new double[] {0.015, 0.02, 0.03}, DetectorSettings.Builder::errorAlpha),
            new Knob("quantile", new double[] {0.985, 0.99, 0.995}, DetectorSettings.Builder::quantile),
            new Knob("changeWeight", new double[] {0.1, 0.2, 0.3}, DetectorSettings.Builder::changeWeight),
            new Knob("shiftWeight", new double[] {15, 20, 25}, DetectorSettings.Builder::shiftWeight),
            new Knob("warmUp", new double[] {100, 150, 200}, (b, v) -> b.warmUp(v.intValue())),
            new Knob("seasonDays", new double[] {2, 3, 4}, (b, v) -> b.seasonDays(v.intValue())),
            new Knob("densityWeight", new double[] {2, 3, 4}, DetectorSettings.Builder::densityWeight));

    @Test
    void eachCategoryScoredWithSettingsChosenOnTheOthers() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(NabScoreTest.NAB.resolve("data")),
                "../shared/bench/nab is absent: the leave-one-out figures are measured where it is");
        List<NabScoring.Series> all = NabScoring.load(NabScoreTest.NAB);
        List<String> categories = all.stream().filter(s -> s.windows().length > 0).map(NabScoring.Series::category)
                .distinct().sorted().toList();
        Map<String, Map<String, double[]>> cache = new HashMap<>();
        NabScoring.Profile standard = NabScoring.PROFILES.get(0);
        NabScoring.Profile lowFp = NabScoring.PROFILES.get(1);

        Map<String, double[]> defaults = scores(all, DetectorSettings.DEFAULTS, cache);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "in sample, all %d series: standard %.2f, low FP %.2f%n%n",
                all.size(), NabScoring.optimize(all, defaults, standard).score(), NabScoring.optimize(all, defaults, lowFp).score()));
        table.append("| left out | in sample: standard, low FP | chosen on the others | left out, threshold of the others | left out, own threshold |\n");
        table.append("| --- | --- | --- | --- | --- |\n");
        double[] sums = new double[6];
        for (String out : categories) {
            List<NabScoring.Series> train = all.stream().filter(s -> !s.category().equals(out)).toList();
            List<NabScoring.Series> test = all.stream().filter(s -> s.category().equals(out)).toList();
            List<String> picks = new ArrayList<>();
            DetectorSettings settings = choose(train, all, standard, cache, picks);
            Map<String, double[]> scored = scores(all, settings, cache);
            double[] row = {
                NabScoring.optimize(test, defaults, standard).score(), NabScoring.optimize(test, defaults, lowFp).score(),
                NabScoring.scoreAt(test, scored, standard, NabScoring.optimize(train, scored, standard).threshold()),
                NabScoring.scoreAt(test, scored, lowFp, NabScoring.optimize(train, scored, lowFp).threshold()),
                NabScoring.optimize(test, scored, standard).score(), NabScoring.optimize(test, scored, lowFp).score()};
            for (int i = 0; i < row.length; i++) {
                sums[i] += row[i];
            }
            table.append(String.format(Locale.ROOT, "| %s | %.2f, %.2f | %s | %.2f, %.2f | %.2f, %.2f |%n", out, row[0], row[1],
                    String.join(", ", picks), row[2], row[3], row[4], row[5]));
        }
        int n = categories.size();
        table.append(String.format(Locale.ROOT, "| **average** | %.2f, %.2f | | %.2f, %.2f | %.2f, %.2f |%n", sums[0] / n, sums[1] / n,
                sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n));
        List<String> picks = new ArrayList<>();
        DetectorSettings onAll = choose(all, all, standard, cache, picks);
        table.append(String.format(Locale.ROOT, "%nchosen on all %d series: %s → standard %.2f, low FP %.2f%n", all.size(),
                String.join(", ", picks), NabScoring.optimize(all, scores(all, onAll, cache), standard).score(),
                NabScoring.optimize(all, scores(all, onAll, cache), lowFp).score()));
        System.out.println(table);
        assertThat(categories).as("the categories with windows").hasSize(3);
        assertThat(onAll).as("the defaults are what the same choice makes on every category\n" + table).isEqualTo(DetectorSettings.DEFAULTS);
        assertThat(sums[4] / n).as("left out, standard\n" + table).isGreaterThanOrEqualTo(65);
        assertThat(sums[5] / n).as("left out, low FP\n" + table).isGreaterThanOrEqualTo(55);
    }

    /**
     * Coordinate ascent from the defaults: each setting in turn takes the value that scores best on
     * {@code train} with the others as chosen so far; twice over, as settings interact.
     */
    private static DetectorSettings choose(List<NabScoring.Series> train, List<NabScoring.Series> all, NabScoring.Profile profile,
                                           Map<String, Map<String, double[]>> cache, List<String> picks) {
        double[] chosen = new double[KNOBS.size()];
        for (int k = 0; k < KNOBS.size(); k++) {
            chosen[k] = Double.NaN;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < KNOBS.size(); k++) {
                double best = Double.NaN;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (double v : KNOBS.get(k).values()) {
                    double[] trial = chosen.clone();
                    trial[k] = v;
                    double score = NabScoring.optimize(train, scores(all, settings(trial), cache), profile).score();
                    if (score > bestScore + 1e-9) {
                        best = v;
                        bestScore = score;
                    }
                }
                chosen[k] = best;
            }
        }
        picks.clear();
        for (int k = 0; k < KNOBS.size(); k++) {
            double v = chosen[k];
            picks.add(KNOBS.get(k).name() + " " + (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)));
        }
        return settings(chosen);
    }

    /** The defaults with the values given (NaN: the default's). */
    private static DetectorSettings settings(double[] values) {
        DetectorSettings.Builder b = DetectorSettings.DEFAULTS.toBuilder();
        for (int k = 0; k < KNOBS.size(); k++) {
            if (!Double.isNaN(values[k])) {
                KNOBS.get(k).set().apply(b, values[k]);
            }
        }
        return b.build();
    }

    private static Map<String, double[]> scores(List<NabScoring.Series> all, DetectorSettings settings,
                                                Map<String, Map<String, double[]>> cache) {
        return cache.computeIfAbsent(settings.toString(), k -> {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (NabScoring.Series s : all) {
                out.put(s.name(), NabScoring.scores(s, settings));
            }
            return out;
        });
    }
}
