package dev.vigie.agent;

import java.util.Locale;

/** The six specialities a diagnosis is routed to. */
public enum Domain {
    DATABASE, NETWORK, APPLICATION, SECURITY, INFRASTRUCTURE, INTEGRATION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Domain parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
