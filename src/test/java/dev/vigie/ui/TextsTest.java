package dev.vigie.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every text the cockpit shows exists in English and in French, with the same blanks to fill. */
class TextsTest {
    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static TreeSet<String> blanks(String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void bothLanguagesHoldTheSameTextsWithTheSameBlanks() throws IOException {
        Properties en = bundle("texts.properties");
        Properties fr = bundle("texts_fr.properties");
        assertThat(new TreeSet<>(fr.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertThat(blanks(fr.getProperty(key))).as(key).isEqualTo(blanks(en.getProperty(key)));
        }
    }

    @Test
    void theLocaleChoosesTheLanguageAndBlanksAreFilledAsGiven() {
        assertThat(Texts.of(Locale.CANADA_FRENCH).get("incidents.helped")).isEqualTo("A aidé");
        assertThat(Texts.of(Locale.GERMAN).get("incidents.helped")).as("English for any other language").isEqualTo("Helped");
        assertThat(Texts.of(Locale.FRENCH).format("incidents.gone", "INC-1")).isEqualTo("INC-1 n'est plus enregistré.");
        assertThat(Texts.english().get("no.such.key")).isEqualTo("no.such.key");
    }
}
