package dev.vigie.agent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets and personal data by typed placeholders before text leaves the facts level
 * (prompts, reports). A first set of rules; the privacy issue extends and measures it.
 */
public final class Redactor {
    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"), "<secret:private-key>"),
            new Rule(Pattern.compile("\\beyJ[\\w-]{5,}\\.[\\w-]{5,}\\.[\\w-]{5,}"), "<secret:jwt>"),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "<secret:aws-key>"),
            new Rule(Pattern.compile("(?i)\\b(bearer)\\s+[\\w.~+/-]{8,}=*"), "$1 <secret:token>"),
            new Rule(Pattern.compile("(?i)(://[^/\\s:@]+:)[^@\\s/]+@"), "$1<secret:password>@"),
            // not inside a placeholder already written ("<secret:password>"), nor on a value that is one
            new Rule(Pattern.compile("(?i)(?<![<\\w])(password|passwd|pwd|secret|token|api[_-]?key)(\"?\\s*[=:]\\s*\"?)(?!<)[^\\s\",;&<>]+"),
                    "$1$2<secret:$1>"),
            new Rule(Pattern.compile("\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[a-zA-Z]{2,}\\b"), "<email>"));

    private Redactor() {
    }

    public static String redact(String text) {
        String s = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(s);
            s = m.replaceAll(r.replacement());
        }
        return s;
    }
}
