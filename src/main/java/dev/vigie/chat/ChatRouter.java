package dev.vigie.chat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, without a model, what a question needs: an incident named by its id; something like a
 * text ("like this", "déjà vu", "similaires à X", "have we seen X before", a pasted log line); what
 * keeps happening ("recurring", "récurrent", "top errors"); a time ("at 14:30", "hier à 14h30",
 * "last night"); else the memory's hybrid search. The first that applies, in that order.
 */
final class ChatRouter {
    private static final Pattern INCIDENT = Pattern.compile("\\b(INC-[0-9a-f]{8})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIMILAR = Pattern.compile("\\b(similar|similaires?|like (this|that|it)|(errors?|lines?|incidents?|problems?|ones) like|resembl\\w*|ressembl\\w*|deja vu"
            + "|seen (this|it|that)?\\s*before|seen .+ before|have we seen|did we see|avons-nous vu|a-t-on vu|on a deja)\\b");
    private static final Pattern RECURRING = Pattern.compile("\\b(recurr\\w*|recurrent\\w*|keeps? (happening|coming back|failing)"
            + "|coming back|again and again|reviennent|revient|repetitif\\w*|top (errors?|problems?|issues?)|most (frequent|common)"
            + "|le plus (souvent|frequent\\w*)|les plus frequent\\w*|souvent|often)\\b");
    /** A pasted log line: long, with a time or a level or an exception in it. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d{2}:\\d{2}:\\d{2}|\\b(ERROR|WARN|FATAL|CRITICAL)\\b|Exception\\b|\\bat [\\w.$]+\\(");
    /** The words of questions, in both languages: what is left is the subject. */
    private static final Set<String> QUESTION_WORDS = Set.copyOf(List.of("what", "which", "when", "where", "why", "how", "who", "have", "has", "had",
            "we", "you", "i", "seen", "see", "saw", "before", "and", "or", "the", "a", "an", "of", "to", "in", "on", "at", "for", "it", "this",
            "that", "these", "those", "is", "are", "was", "were", "be", "been", "did", "do", "does", "fixed", "fix", "fixes", "solved", "helped",
            "show", "me", "find", "list", "errors", "error", "lines", "line", "logs", "log", "similar", "like", "any", "ever", "there",
            "problem", "problems", "issue", "issues", "incident", "incidents", "happened", "failed", "failing", "fail", "broke", "about",
            "tell", "give", "please", "again", "with", "same", "one", "ones", "us", "our", "my",
            "quoi", "que", "qu", "quel", "quelle", "quels", "quelles", "est", "ce", "ceci", "cela", "ca", "qui", "a", "avons", "nous",
            "on", "vu", "deja", "et", "ou", "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "montre", "montrez", "moi",
            "erreurs", "erreur", "similaires", "similaire", "semblables", "semblable", "a-t-on", "t", "corrige", "resolu", "repare",
            "probleme", "problemes", "incident", "lignes", "ligne", "journaux", "y", "il", "en", "pour", "avec", "sur", "trouve",
            "trouver", "liste", "donne", "comme", "celle", "celui", "ceux", "plante", "casse", "s", "n", "pas", "rien", "avez", "vous",
            "est-ce", "passe", "arrive", "cette", "cet", "ces", "mon", "ma", "mes", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
            // times are the time expressions' business
            "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "week", "last", "between", "hour",
            "hier", "aujourd", "hui", "matin", "soir", "nuit", "semaine", "entre", "heure", "derniere", "dernier", "vers", "around"));
    private static final Pattern CLOCK_TOKEN = Pattern.compile("\\d{1,2}(h\\d{0,2}|:\\d{2})?(am|pm)?");

    private ChatRouter() {
    }

    static RoutedQuestion route(String question, ZonedDateTime now) {
        return route(question, now, "");
    }

    /** @param before what the conversation's last answer was about: what "this error" is when the question names nothing */
    static RoutedQuestion route(String question, ZonedDateTime now, String before) {
        String q = question.strip();
        Language language = Language.of(q);
        if (q.isEmpty()) {
            return new RoutedQuestion(q, Route.HELP, language, Optional.empty(), "", null);
        }
        String folded = Language.fold(q);
        Optional<TimeRange> time = TimeExpressions.read(q, now);
        Matcher incident = INCIDENT.matcher(q);
        if (incident.find()) {
            return new RoutedQuestion(q, Route.INCIDENT, language, time, "", "INC-" + incident.group(1).substring(4).toLowerCase(java.util.Locale.ROOT));
        }
        if (q.length() >= 60 && LOG_LINE.matcher(q).find()) {
            return new RoutedQuestion(q, Route.SIMILARITY, language, Optional.empty(), q, null);
        }
        if (SIMILAR.matcher(folded).find()) {
            String subject = subject(q);
            return new RoutedQuestion(q, Route.SIMILARITY, language, time, subject.isBlank() ? before : subject, null);
        }
        if (RECURRING.matcher(folded).find()) {
            return new RoutedQuestion(q, Route.RECURRENCE, language, time, "", null);
        }
        if (time.isPresent()) {
            return new RoutedQuestion(q, Route.TIME, language, time, "", null);
        }
        return new RoutedQuestion(q, Route.HYBRID, language, time, subject(q), null);
    }

    /** The question's words that are not question words, in their own case: "HikariPool", "connection refused". */
    static String subject(String question) {
        List<String> kept = new ArrayList<>();
        for (String token : question.split("[\\s,;:?!.«»\"“”()\\[\\]]+")) {
            String t = token.replaceAll("^['’]+|['’]+$", "");
            // "l'erreur", "qu'est-ce": the part after the apostrophe decides
            String[] parts = Language.fold(t).split("['’]");
            String last = parts[parts.length - 1];
            if (t.isEmpty() || CLOCK_TOKEN.matcher(last).matches() || QUESTION_WORDS.contains(last) || parts.length > 1 && QUESTION_WORDS.contains(parts[0]) && last.isEmpty()) {
                continue;
            }
            if (parts.length > 1 && QUESTION_WORDS.contains(parts[0])) {
                t = t.substring(t.length() - last.length());
                if (QUESTION_WORDS.contains(Language.fold(t))) {
                    continue;
                }
            }
            kept.add(t);
        }
        return String.join(" ", kept);
    }
}
