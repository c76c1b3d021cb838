package dev.vigie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.config.Settings;
import dev.vigie.event.Plural;
import dev.vigie.privacy.Redactor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "redact", mixinStandardHelpOptions = true,
        description = {"Copy standard input to standard output with secrets and personal data replaced by typed "
                + "placeholders (<secret:aws-key>, <email>, <card>…), line by line; what was replaced is counted on "
                + "standard error. Configured patterns (redact.pattern.NAME) apply too.",
            "With --score, measure the redactor on a labelled set instead (JSON lines {\"line\":…,\"secrets\":[…]}, "
                + "gzip-compressed or not)."})
public final class RedactCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions options;

    @Option(names = "--score", paramLabel = "FILE", description = "A labelled set to measure, e.g. ../shared/bench/secrets/lines.jsonl.gz")
    Path score;

    /** With --score: the measure as one JSON object. */
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.loadWithoutCreating();
        Redactor redactor = settings.redactor();
        return score != null ? score(redactor) : filter(redactor);
    }

    private int filter(Redactor redactor) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        // bytes that are not UTF-8 are replaced, never fatal: the rest of the stream still gets through
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, decoder));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        long lines = 0;
        String line;
        while ((line = in.readLine()) != null) {
            out.write(redactor.redact(line, counts));
            out.newLine();
            lines++;
        }
        out.flush();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.err.printf(Locale.ROOT, "%s, %d replaced%s%n", Plural.of(lines, "line"), total, counts.isEmpty() ? "" : ": " + counts);
        return 0;
    }

    private int score(Redactor redactor) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        int secrets = 0;
        int removed = 0;
        int clean = 0;
        int unchanged = 0;
        List<Integer> missed = new ArrayList<>();
        List<Integer> altered = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(score);
             InputStream data = score.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader in = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
            String row;
            int n = 0;
            while ((row = in.readLine()) != null) {
                if (row.isBlank()) {
                    continue;
                }
                n++;
                JsonNode o = mapper.readTree(row);
                String line = o.get("line").asText();
                String redacted = redactor.redact(line);
                if (o.get("secrets").isEmpty()) {
                    clean++;
                    if (redacted.equals(line)) {
                        unchanged++;
                    } else {
                        altered.add(n);
                    }
                }
                boolean all = true;
                for (JsonNode s : o.get("secrets")) {
                    secrets++;
                    if (redacted.contains(s.asText())) {
                        all = false;
                    } else {
                        removed++;
                    }
                }
                if (!all) {
                    missed.add(n); // line numbers only: the output must not repeat a secret
                }
            }
        }
        double recall = secrets == 0 ? 1 : (double) removed / secrets;
        double kept = clean == 0 ? 1 : (double) unchanged / clean;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("secrets", secrets);
        fields.put("removed", removed);
        fields.put("recall", recall);
        fields.put("clean_lines", clean);
        fields.put("unchanged", unchanged);
        fields.put("clean_unchanged", kept);
        fields.put("lines_with_a_secret_left", missed);
        fields.put("clean_lines_altered", altered);
        output.print(fields, String.format(Locale.ROOT,
                "secrets removed: %d/%d (%.1f%%); lines without a secret unchanged: %d/%d (%.1f%%)%s%s", removed, secrets,
                100 * recall, unchanged, clean, 100 * kept, missed.isEmpty() ? "" : "; secrets left on lines " + missed,
                altered.isEmpty() ? "" : "; clean lines altered: " + altered));
        return 0;
    }
}
