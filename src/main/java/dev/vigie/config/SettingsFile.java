package dev.vigie.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** {@code settings.properties} as Java properties, each value with the line it is on, so that an error can name it. */
final class SettingsFile {
    record Line(String value, int number) {
    }

    private SettingsFile() {
    }

    /** @return nothing when the file does not exist */
    static Map<String, Line> read(Path file) throws IOException {
        Map<String, Line> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text: save it as UTF-8");
        }
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, Integer> lines = lineNumbers(text);
        p.stringPropertyNames().stream().sorted()
                .forEach(k -> out.put(k, new Line(p.getProperty(k), lines.getOrDefault(k, 0))));
        return out;
    }

    /** Where each key is set (the last time, as {@link Properties} keeps the last); continuation lines are skipped. */
    private static Map<String, Integer> lineNumbers(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].stripLeading();
            boolean comment = !continued && (t.isEmpty() || t.charAt(0) == '#' || t.charAt(0) == '!');
            if (!continued && !comment) {
                Properties one = new Properties();
                try {
                    one.load(new StringReader(t));
                } catch (IOException | IllegalArgumentException e) {
                    continue; // the whole file was read already: what it could not read, it said
                }
                int number = i + 1;
                one.stringPropertyNames().forEach(k -> out.put(k, number));
            }
            continued = !comment && oddBackslashesAtEnd(lines[i]);
        }
        return out;
    }

    private static boolean oddBackslashesAtEnd(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
