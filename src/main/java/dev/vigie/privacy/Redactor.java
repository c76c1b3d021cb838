package dev.vigie.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets and personal data by typed placeholders ({@code <secret:aws-key>},
 * {@code <email>}, {@code <card>} …) before text leaves the facts level: prompts, the vector
 * store, e-mail. Rules run in order, most specific first; a placeholder already written is never
 * matched again. Values that only look like secrets (ids, digests, a masked key, a number that
 * fails the Luhn check) pass unchanged. Thread-safe.
 */
public final class Redactor {
    /** What a rule found: the text to put instead, or null to keep the match as it is. */
    @FunctionalInterface
    interface Replacer {
        String replace(Matcher m);
    }

    record Rule(String kind, Pattern pattern, Replacer replacer) {
    }

    /** A field name that ends like this names a secret: {@code db_password}, {@code AWS_SECRET_ACCESS_KEY}, {@code SessionToken}. */
    private static final String SECRET_NAME_END = "(password|passwd|pwd|passphrase|secret|token"
            + "|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|auth[_-]?key|credentials?)";

    private final List<Rule> rules;

    private Redactor(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The built-in rules. */
    public static Redactor standard() {
        return new Redactor(builtIn());
    }

    /**
     * The built-in rules and, after them, configured ones: each name's pattern becomes
     * {@code <secret:name>} wherever it matches.
     *
     * @throws IllegalArgumentException naming the pattern that does not compile
     */
    public static Redactor with(Map<String, String> patterns) {
        List<Rule> rules = new ArrayList<>(builtIn());
        new java.util.TreeMap<>(patterns).forEach((name, regex) -> { // by name: the same order every run
            try {
                rules.add(whole(name, Pattern.compile(regex), "<secret:" + name + ">"));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("redaction pattern '" + name + "' is not a regular expression: "
                        + e.getDescription(), e);
            }
        });
        return new Redactor(rules);
    }

    public String redact(String text) {
        return redact(text, null);
    }

    /** @param counts if not null, how many of each kind were replaced is added to it */
    public String redact(String text, Map<String, Integer> counts) {
        return applyRules(decoded(text, counts), counts);
    }

    /** Percent-encoded text (a query string, a form body): what it says once decoded. */
    private static final Pattern URL_ENCODED = Pattern.compile("[^\\s\"'<>]*%[0-9A-Fa-f]{2}[^\\s\"'<>]*");
    /** A block that may be base64 (standard or URL-safe alphabet), long enough to hold a credential. */
    private static final Pattern BASE64_BLOCK = Pattern.compile("(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])");

    /**
     * Secrets that the rules would see only once decoded: in percent-encoded runs (redacted as
     * decoded text) and in base64 blocks that decode to text holding one (replaced whole). A run
     * with no secret in it is left exactly as it was.
     */
    private String decoded(String text, Map<String, Integer> counts) {
        String s = text;
        if (s.indexOf('%') >= 0) {
            s = replaceRuns(s, URL_ENCODED, run -> {
                String plain = urlDecoded(run);
                if (plain == null) {
                    return null;
                }
                String redacted = applyRules(plain, counts);
                return redacted.equals(plain) ? null : redacted;
            });
        }
        return replaceRuns(s, BASE64_BLOCK, block -> {
            String plain = base64Text(block);
            if (plain == null || applyRules(plain, null).equals(plain)) {
                return null;
            }
            if (counts != null) {
                counts.merge("base64", 1, Integer::sum);
            }
            return "<secret:base64>";
        });
    }

    private static String replaceRuns(String s, Pattern p, java.util.function.Function<String, String> replace) {
        Matcher m = p.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String r = replace.apply(m.group());
            if (r != null) {
                out = out == null ? new StringBuilder(s.length()) : out;
                out.append(s, last, m.start()).append(r);
                last = m.end();
            }
        }
        return out == null ? s : out.append(s, last, s.length()).toString();
    }

    private static String urlDecoded(String run) {
        try {
            String plain = java.net.URLDecoder.decode(run, StandardCharsets.UTF_8);
            return plain.equals(run) ? null : plain;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The text a base64 block decodes to, when it is text (printable UTF-8); else null. */
    private static String base64Text(String block) {
        byte[] bytes;
        try {
            bytes = block.indexOf('-') >= 0 || block.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(block.replace("=", ""))
                    : Base64.getDecoder().decode(block);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        long printable = text.chars().filter(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c > 0xa0 && c != 0xfffd).count();
        return text.length() >= 8 && printable == text.length() ? text : null;
    }

    private String applyRules(String text, Map<String, Integer> counts) {
        String s = text;
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(s);
            if (!m.find()) {
                continue;
            }
            StringBuilder out = new StringBuilder(s.length());
            int last = 0;
            do {
                String replacement = r.replacer().replace(m);
                if (replacement != null) {
                    out.append(s, last, m.start()).append(replacement);
                    last = m.end();
                    if (counts != null) {
                        counts.merge(r.kind(), 1, Integer::sum);
                    }
                }
            } while (m.find());
            s = out.append(s, last, s.length()).toString();
        }
        return s;
    }

    private static List<Rule> builtIn() {
        List<Rule> r = new ArrayList<>();
        // whole blocks first: a key spans lines (or escaped newlines) and would be cut by the rules below
        r.add(whole("private-key", Pattern.compile(
                "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----.*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)", Pattern.DOTALL),
                "<secret:private-key>"));
        r.add(whole("slack-webhook", Pattern.compile("https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]+"),
                "<secret:slack-webhook>"));
        r.add(new Rule("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"),
                m -> isJwtHeader(m.group().substring(0, m.group().indexOf('.'))) ? "<secret:jwt>" : null));
        // tokens whose prefix says what they are
        r.add(whole("aws-key", Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\\b"), "<secret:aws-key>"));
        r.add(whole("github-token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})"),
                "<secret:github-token>"));
        r.add(whole("gitlab-token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"), "<secret:gitlab-token>"));
        r.add(whole("slack-token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), "<secret:slack-token>"));
        r.add(whole("stripe-key", Pattern.compile("\\b(?:[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{20,})"),
                "<secret:stripe-key>"));
        r.add(whole("google-key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"), "<secret:google-key>"));
        // credentials by position
        r.add(new Rule("token", Pattern.compile("(?i)\\b(bearer)\\s+([A-Za-z0-9._~+/-]{8,}=*)"),
                m -> looksLikeToken(m.group(2)) ? m.group(1) + " <secret:token>" : null));
        r.add(new Rule("basic-auth", Pattern.compile("(?i)\\b(basic)\\s+([A-Za-z0-9+/]{8,}={0,2})"),
                m -> isBasicCredential(m.group(2)) ? m.group(1) + " <secret:basic-auth>" : null));
        r.add(new Rule("password", Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@<>\"']*:)([^@\\s/<>\"']+)@"),
                m -> m.group(1) + "<secret:password>@"));
        r.add(new Rule("token", Pattern.compile("(?i)(--token[=\\s]+|\\bTUNNEL_TOKEN=)([^\\s\"'<]+)"),
                m -> m.group(1) + "<secret:token>"));
        r.add(new Rule("cookie", Pattern.compile(
                "(?i)\\b(sessionid|session|sid|jsessionid|phpsessid|connect\\.sid|remember_token|remember_user_token)=([^;\\s\"'<,&]+)"),
                m -> looksLikeToken(m.group(2)) ? m.group(1) + "=<secret:cookie>" : null)); // "session=anonymous" is no secret
        // a connection string's password runs to its ';', spaces and all (ADO.NET, ODBC, JDBC for SQL Server)
        r.add(new Rule("connection-string", Pattern.compile(
                "(?i)(?<![\\w-])((?:password|pwd|passwd)\\s*=\\s*)(?!<)([^;\"'\\r\\n]*[^;\"'\\s])(?=\\s*;)"),
                m -> m.group(1) + "<secret:password>"));
        // an Authorization header with another scheme than Bearer or Basic (Token, Digest, AWS4-HMAC-SHA256…), or none
        r.add(new Rule("authorization", Pattern.compile("(?i)\\b((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)"
                + "(?!bearer\\b|basic\\b|<)((?:[A-Za-z][\\w-]*\\s+(?=\\S))?)([^\\s\"']{8,}[^\\s\"']*)"),
                m -> m.group(1) + m.group(2) + "<secret:token>"));
        // JSON escaped inside a string: \"password\":\"…\"
        r.add(new Rule("secret-field", Pattern.compile("(?i)(\\\\\"[A-Za-z0-9_.-]{0,48}?" + SECRET_NAME_END
                + "\\\\\"\\s*:\\s*\\\\\")((?:[^\\\\\"]|\\\\(?!\"))+)(\\\\\")"),
                m -> m.group(3).startsWith("<") ? null : m.group(1) + "<secret:" + secretType(m.group(2)) + ">" + m.group(4)));
        // key = value, key: value and "key": "value", when the name ends in a secret's name (bounded: no
        // backtracking blow-up); never inside a placeholder, never a whole object or list
        r.add(new Rule("secret-field", Pattern.compile("(?i)(?<![<A-Za-z0-9_.-])(\"?)([A-Za-z0-9_.-]{0,48}?" + SECRET_NAME_END
                + ")(\"?\\s*[=:]\\s*)"
                + "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s\"',;&<>(){}\\[\\]]+)"), Redactor::secretField));
        // a value that reads as random under a name that says credential (signature, session, auth, cookie…)
        r.add(new Rule("high-entropy", Pattern.compile("(?i)(?<![<A-Za-z0-9_.-])(\"?[A-Za-z0-9_.-]{0,40}?"
                + "(?:sig|signature|session|sess|auth|cred|cookie|jwt|otp|nonce)[A-Za-z0-9_.-]{0,24}\"?\\s*[=:]\\s*\"?)"
                + "([A-Za-z0-9+/=_.~-]{16,})"), m -> Entropy.random(m.group(2)) ? m.group(1) + "<secret:token>" : null));
        // personal data and cards
        r.add(new Rule("card", Pattern.compile("(?<![\\d.-])\\d(?:[ -]?\\d){12,18}(?![\\d.-])"),
                m -> Cards.isCard(m.group()) ? "<card>" : null));
        r.add(new Rule("iban", Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"),
                m -> Cards.isIban(m.group()) ? "<iban>" : null));
        r.add(whole("email", Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}\\b"), "<email>"));
        r.add(new Rule("phone", Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}(?![\\w])"),
                m -> isPhone(m.group()) ? "<phone>" : null));
        return r;
    }

    private static Rule whole(String kind, Pattern p, String placeholder) {
        return new Rule(kind, p, m -> placeholder);
    }

    private static String secretType(String nameEnd) {
        String word = nameEnd.toLowerCase(java.util.Locale.ROOT);
        return word.startsWith("pass") || word.equals("pwd") ? "password"
                : word.equals("token") ? "token" : word.endsWith("key") ? "key" : "secret";
    }

    /** A field whose name ends in a secret's name; its value goes unless it is a placeholder, empty or masked. */
    private static String secretField(Matcher m) {
        String value = m.group(5);
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'');
        String inner = quoted ? value.substring(1, value.length() - 1) : value;
        if (inner.isEmpty() || inner.startsWith("<") || inner.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X')) {
            return null;
        }
        String placeholder = "<secret:" + secretType(m.group(3)) + ">";
        return m.group(1) + m.group(2) + m.group(4) + (quoted ? value.charAt(0) + placeholder + value.charAt(0) : placeholder);
    }

    /** An opaque token has a digit or is long: "Bearer authentication" is prose. */
    private static boolean looksLikeToken(String s) {
        return s.length() >= 20 || s.chars().anyMatch(Character::isDigit);
    }

    /** HTTP Basic credentials decode to {@code user:password}. */
    private static boolean isBasicCredential(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8).indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An international number: a plus and 8 to 15 digits. */
    private static boolean isPhone(String s) {
        long digits = s.chars().filter(Character::isDigit).count();
        return digits >= 8 && digits <= 15;
    }

    /** A JWT's first segment decodes to a JSON header naming its algorithm or type. */
    private static boolean isJwtHeader(String segment) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(segment.replace("=", "")), StandardCharsets.UTF_8);
            return json.startsWith("{") && (json.contains("\"alg\"") || json.contains("\"typ\""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
