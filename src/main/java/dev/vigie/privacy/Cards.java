package dev.vigie.privacy;

/** Checks that tell a payment card number or an IBAN from any other run of digits. */
final class Cards {
    private Cards() {
    }

    /**
     * 13 to 19 digits (spaces or dashes allowed) that pass the Luhn check and start as a card
     * network's numbers do: a trace id of 19 digits almost never does both.
     */
    static boolean isCard(String text) {
        String d = text.replaceAll("[ -]", "");
        int n = d.length();
        if (n < 13 || n > 19 || !luhn(d)) {
            return false;
        }
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        int three = Integer.parseInt(d.substring(0, 3));
        return d.charAt(0) == '4' && (n == 13 || n == 16 || n == 19)                    // Visa
                || (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) && n == 16  // Mastercard
                || (two == 34 || two == 37) && n == 15                                 // American Express
                || (four == 6011 || two == 65 || three >= 644 && three <= 649) && n >= 16 // Discover
                || four >= 3528 && four <= 3589 && n >= 16                             // JCB
                || (two == 36 || two == 38 || three >= 300 && three <= 305) && n == 14;  // Diners
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int x = digits.charAt(i) - '0';
            if (twice) {
                x *= 2;
                if (x > 9) {
                    x -= 9;
                }
            }
            sum += x;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** An IBAN: country, check digits, account, and the ISO 13616 check (mod 97 = 1). */
    static boolean isIban(String text) {
        String s = text.replace(" ", "");
        if (s.length() < 15 || s.length() > 34) {
            return false;
        }
        String moved = s.substring(4) + s.substring(0, 4);
        int rest = 0;
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            rest = v > 9 ? (rest * 100 + v) % 97 : (rest * 10 + v) % 97;
        }
        return rest == 1;
    }
}
