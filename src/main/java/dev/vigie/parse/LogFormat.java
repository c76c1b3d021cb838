package dev.vigie.parse;

import java.time.Instant;

/** One way logs are written. A format reads what it can of a line, or answers null when the line is not its kind. */
interface LogFormat {
    String name();

    /**
     * @param reference the instant that completes times printed without a year or a date
     */
    Parsed parse(String line, Instant reference);
}
