package dev.vigie.ui;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The cockpit's words in the person's language, English or French, from the resource bundles
 * {@code dev/vigie/ui/texts*.properties}. Arguments fill {@code {0}}, {@code {1}}... as they are:
 * not {@link java.text.MessageFormat}, whose quoting would eat French apostrophes.
 */
public final class Texts {
    private final ResourceBundle bundle;

    private Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** French for a French locale, English otherwise. */
    public static Texts of(Locale locale) {
        Locale chosen = locale.getLanguage().equals("fr") ? Locale.FRENCH : Locale.ROOT;
        return new Texts(ResourceBundle.getBundle("dev.vigie.ui.texts", chosen, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public static Texts english() {
        return of(Locale.ENGLISH);
    }

    /** {@code en} or {@code fr}. */
    public String language() {
        return bundle.getLocale().getLanguage().isEmpty() ? "en" : bundle.getLocale().getLanguage();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // a missing text shows its key, never an empty label
        }
    }

    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
