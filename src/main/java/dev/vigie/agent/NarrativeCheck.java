package dev.vigie.agent;

import dev.vigie.event.Severity;
import dev.vigie.incident.FactsReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the reporter's free text to what was validated before it: it must speak of the incident's
 * service, and may not give another severity, blame another domain than the diagnosis, or say that
 * nothing needs doing when the fixer listed actions. Numbers and quotes are the grounding guard's.
 */
final class NarrativeCheck {
    private static final Pattern SEVERITY = Pattern.compile(
            "(?i)\\bseverity\\W{0,3}(critical|high|major|medium|moderate|warning|low|minor|info)\\b");
    private static final Pattern NO_ACTION = Pattern.compile(
            "(?i)\\bno (?:action|fix|change)s? (?:is |are )?(?:needed|required|necessary)\\b|\\bnothing (?:needs to be|to) (?:do|done)\\b");
    private static final Pattern ROOT_CAUSE = Pattern.compile("(?i)\\b(?:root cause|cause) (?:is|was|lies in|lay in)\\s+([^.\\n]{3,160})");
    /** Words that put a cause in a domain; a cause that names none of them is not read as blaming one. */
    private static final Map<Domain, Pattern> DOMAIN_WORDS = Map.of(
            Domain.DATABASE, words("database|db|sql|query|queries|connection pool|postgres\\w*|mysql|mariadb|mongo\\w*|deadlock|replica\\w*"),
            Domain.NETWORK, words("dns|network|tunnel|tls|certificate|proxy|upstream|gateway|firewall|latency|packet\\w*|route\\w*|load balancer"),
            Domain.INFRASTRUCTURE, words("disk|memory|oom|cpu|kernel|host|node|container|pod|filesystem|file system|swap|hardware"),
            Domain.SECURITY, words("attack\\w*|brute.force|credential\\w*|unauthori[sz]ed|intrusion|exploit\\w*|injection|malware"),
            Domain.INTEGRATION, words("third.party|partner|external api|webhook|vendor|payment provider|queue|broker|kafka|rabbitmq"),
            Domain.APPLICATION, words("bug|code|release|deploy\\w*|regression|exception|null pointer|application"));

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?i)(?<![\\w-])(?:" + alternatives + ")(?![\\w-])");
    }

    private NarrativeCheck() {
    }

    /** @return what makes the text unfit for the report, empty when it is fit */
    static List<String> problems(String text, FactsReport facts, String domain, List<String> steps) {
        List<String> problems = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!speaksOf(lower, facts, domain)) {
            problems.add("it does not speak of this incident (its service, domain, cause or first signal)");
        }
        Matcher m = SEVERITY.matcher(text);
        while (m.find()) {
            Severity said = severity(m.group(1));
            if (said != facts.severity()) {
                problems.add("it says severity " + m.group(1).toLowerCase(Locale.ROOT) + " where the facts say " + facts.severity());
                break;
            }
        }
        if (!steps.isEmpty() && NO_ACTION.matcher(text).find()) {
            problems.add("it says no action is needed where " + steps.size() + " are planned");
        }
        Domain validated = Domain.parse(domain);
        Matcher cause = ROOT_CAUSE.matcher(text);
        while (cause.find() && validated != null) {
            Domain blamed = blamed(cause.group(1));
            if (blamed != null && blamed != validated && !DOMAIN_WORDS.get(validated).matcher(cause.group(1)).find()) {
                problems.add("it blames " + blamed.label() + " (\"" + cause.group(1).strip() + "\") where the diagnosis says "
                        + validated.label());
                break;
            }
        }
        return problems;
    }

    /** Words too common in any report to show that a text is about this incident. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("root", "cause", "caused", "severity", "action",
            "actions", "needed", "incident", "error", "errors", "service", "system", "issue", "problem", "with", "that", "this",
            "there", "from", "were", "have", "been", "after", "before", "when", "which", "their");

    /** Whether the text shares a telling word with the incident: a service, the domain, the cause, the first signal. */
    private static boolean speaksOf(String lower, FactsReport facts, String domain) {
        if (facts.services().stream().anyMatch(service -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(
                service.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])").matcher(lower).find())) {
            return true;
        }
        StringBuilder about = new StringBuilder(String.join(" ", facts.services())).append(' ').append(domain).append(' ')
                .append(facts.firstSignal());
        facts.templates().forEach(t -> about.append(' ').append(t.template()));
        java.util.Set<String> known = wordsOf(about.toString().toLowerCase(Locale.ROOT));
        return wordsOf(lower).stream().anyMatch(known::contains);
    }

    private static java.util.Set<String> wordsOf(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : text.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 4 && !COMMON.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static Domain blamed(String phrase) {
        for (Domain d : Domain.values()) {
            if (DOMAIN_WORDS.get(d).matcher(phrase).find()) {
                return d;
            }
        }
        return null;
    }

    private static Severity severity(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "critical", "high", "major" -> Severity.CRITICAL;
            case "medium", "moderate", "warning" -> Severity.WARNING;
            default -> Severity.INFO;
        };
    }
}
