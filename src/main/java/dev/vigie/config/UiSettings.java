package dev.vigie.config;

/**
 * How the cockpit looks and speaks.
 *
 * @param theme    {@code dark} or {@code light}
 * @param language {@code en}, {@code fr}, or {@code auto} for the system's (French if it is, else English)
 */
public record UiSettings(String theme, String language) {
    public static final UiSettings DEFAULTS = new UiSettings("dark", "auto");

    public boolean dark() {
        return !theme.equals("light");
    }

    /** The language to show: {@code en} or {@code fr}. */
    public String languageFor(java.util.Locale system) {
        return language.equals("auto") ? (system.getLanguage().equals("fr") ? "fr" : "en") : language;
    }
}
