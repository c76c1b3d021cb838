package dev.vigie.parse;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** The service a file speaks for when its lines do not say: its name without extensions and role suffixes. */
final class ServiceNames {
    private static final Pattern EXTENSIONS = Pattern.compile("(\\.(log|jsonl|json|txt|out|\\d+))+$");
    private static final Pattern ROLE = Pattern.compile("[-_.](access|error|err|stdout|stderr)$");

    private ServiceNames() {
    }

    static String fromSource(String source) {
        Path name = Path.of(source).getFileName();
        String s = name == null ? source : name.toString();
        s = EXTENSIONS.matcher(s).replaceFirst("");
        s = ROLE.matcher(s).replaceFirst("");
        return s.isEmpty() ? "unknown" : s;
    }
}
