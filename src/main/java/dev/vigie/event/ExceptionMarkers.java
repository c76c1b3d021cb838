package dev.vigie.event;

import java.util.regex.Pattern;

/** Recognises the signs of an exception in a log record's text. */
final class ExceptionMarkers {
    private static final Pattern MARKERS = Pattern.compile(
            "(?m)^\\s+at [\\w$.<>]+\\(|^Caused by: |^Traceback \\(most recent call last\\):|"
                    + "^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::|$)");

    private ExceptionMarkers() {
    }

    static boolean present(String text) {
        return text != null && text.indexOf('\n') >= 0 && MARKERS.matcher(text).find();
    }
}
