package dev.vigie.chat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The language a question is asked in, English or French, from the words it uses; English when unsure. */
public enum Language {
    EN, FR;

    private static final Set<String> FRENCH = Set.copyOf(List.of("qu", "quoi", "quel", "quelle", "quels", "quelles", "est", "sont", "les", "des",
            "du", "une", "hier", "aujourd", "hui", "matin", "soir", "nuit", "semaine", "entre", "montre", "montrer", "erreurs",
            "similaires", "similaire", "deja", "vu", "plante", "casse", "tombe", "probleme", "problemes", "reviennent", "recurrent",
            "recurrents", "souvent", "avons", "nous", "on", "ce", "cette", "qui", "que", "dans", "pour", "avec", "corrige", "resolu",
            "et", "la", "le", "il", "y", "a", "apres", "midi", "dernier", "derniere", "incidents", "pourquoi", "comment", "ou"));
    private static final Set<String> ENGLISH = Set.copyOf(List.of("what", "which", "when", "why", "how", "the", "is", "are", "was", "were",
            "have", "has", "we", "seen", "before", "yesterday", "today", "morning", "night", "week", "between", "show", "errors",
            "similar", "like", "this", "keeps", "keep", "coming", "back", "happening", "recurring", "top", "at", "of", "and", "fixed",
            "failed", "broke", "did", "it", "last", "in", "on", "to", "a", "an", "problems", "any", "there"));
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}]+");

    public static Language of(String text) {
        String folded = fold(text);
        int fr = 0;
        int en = 0;
        for (String w : WORDS.split(folded)) {
            fr += FRENCH.contains(w) ? 1 : 0;
            en += ENGLISH.contains(w) ? 1 : 0;
        }
        // accented letters are French's own, as are "14h30" and "à"
        if (text.matches("(?s).*[àâçéèêëîïôûùœ].*") || text.matches("(?s).*\\b\\d{1,2}\\s?h(\\d{2})?\\b.*")) {
            fr += 2;
        }
        return fr > en ? FR : EN;
    }

    /** Lower case without accents: "Déjà" → "deja". */
    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    String pick(String english, String french) {
        return this == FR ? french : english;
    }
}
