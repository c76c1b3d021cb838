package dev.vigie.ui;

import dev.vigie.event.Severity;
import java.util.Locale;

/** How a thing is, with one colour for each everywhere in the cockpit ({@code state-…} style classes). */
public enum State {
    CRITICAL, WARNING, OK, NO_DATA;

    public static State of(Severity s) {
        return s == Severity.CRITICAL ? CRITICAL : s == Severity.WARNING ? WARNING : OK;
    }

    public String styleClass() {
        return "state-" + name().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
