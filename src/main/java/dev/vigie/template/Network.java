package dev.vigie.template;

import java.util.Locale;
import java.util.Set;

/** Addresses inside tokens: IPv4 with an optional port, {@code host:port}, and domain names. */
final class Network {
    private static final Set<String> TLDS = Set.of("com", "net", "org", "edu", "gov", "mil", "int", "io", "local", "lan",
            "internal", "corp", "home", "localdomain", "arpa", "cn", "de", "uk", "fr", "jp", "ru", "br", "in", "it", "nl",
            "eu", "us", "ca", "au", "kr", "tw", "es", "ch", "se", "pl", "be", "at", "dk", "no", "fi", "cz", "info", "biz",
            "dev", "app", "cloud");

    private Network() {
    }

    /** The core ends with an IPv4 address (and port): {@code /10.0.0.1}, {@code host-41/10.1.2.3:8030}. */
    static boolean endsWithAddress(String s) {
        int start = lastAddress(s);
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < start; i++) {
            char c = s.charAt(i);
            if (!(Masker.isLetter(c) || Masker.isDigit(c) || c == '-' || c == '.' || c == '/' || c == '_')) {
                return false; // key=10.0.0.1 keeps its key
            }
        }
        return true;
    }

    /** {@code msra-sa-41:9000}, {@code db.example.com:5432}: a host that has a digit, a dot or a hyphen, and a port. */
    static boolean isHostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 1 || colon == s.length() - 1 || s.length() - colon - 1 > 5) {
            return false;
        }
        for (int i = colon + 1; i < s.length(); i++) {
            if (!Masker.isDigit(s.charAt(i))) {
                return false;
            }
        }
        boolean marked = false;
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '-' || Masker.isDigit(c)) {
                marked = true;
            } else if (!Masker.isLetter(c)) {
                return false;
            }
        }
        return marked && Masker.isLetter(s.charAt(0)) || marked && Masker.isDigit(s.charAt(0)) && s.indexOf('.') > 0;
    }

    /** {@code node-7.example.com}: labels of letters, digits and hyphens ending with a known top-level domain. */
    static boolean isDomain(String s) {
        int dot = s.lastIndexOf('.');
        if (dot < 1 || s.indexOf('.') == dot && !s.contains("-")) {
            return false; // one dot and no hyphen: more often a file or a class than a host
        }
        String tld = s.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!TLDS.contains(tld)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Masker.isLetter(c) || Masker.isDigit(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        String first = s.substring(0, s.indexOf('.')).toLowerCase(Locale.ROOT);
        return !TLDS.contains(first); // com.example.Foo is a Java package
    }

    /** Replaces every IPv4 address (with its port) inside a token by {@code <*>}. */
    static String maskAddresses(String s) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < s.length()) {
            int end = addressAt(s, i);
            if (end > 0) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, i).append(Masker.WILDCARD);
                copied = end;
                i = end;
            } else {
                i++;
            }
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static int lastAddress(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (addressAt(s, i) == s.length()) {
                return i;
            }
        }
        return -1;
    }

    /** The end of an IPv4 address (and :port) starting at {@code i}, or -1. */
    private static int addressAt(String s, int i) {
        if (i > 0 && (Masker.isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
            return -1;
        }
        int j = i;
        for (int part = 0; part < 4; part++) {
            int digits = 0;
            while (j < s.length() && Masker.isDigit(s.charAt(j)) && digits < 4) {
                j++;
                digits++;
            }
            if (digits == 0 || digits > 3) {
                return -1;
            }
            if (part < 3) {
                if (j >= s.length() || s.charAt(j) != '.') {
                    return -1;
                }
                j++;
            }
        }
        if (j < s.length() && (Masker.isDigit(s.charAt(j)) || s.charAt(j) == '.' && j + 1 < s.length() && Masker.isDigit(s.charAt(j + 1)))) {
            return -1;
        }
        if (j + 1 < s.length() && s.charAt(j) == ':' && Masker.isDigit(s.charAt(j + 1))) {
            j++;
            while (j < s.length() && Masker.isDigit(s.charAt(j))) {
                j++;
            }
        }
        return j;
    }
}
