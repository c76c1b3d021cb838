package dev.vigie.event;

/** A count with its noun, singular or plural as the count wants: "1 anomaly", "2 anomalies", "0 incidents". */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : plural(noun));
    }

    static String plural(String noun) {
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh") ? noun + "es" : noun + "s";
    }
}
