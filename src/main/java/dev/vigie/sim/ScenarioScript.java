package dev.vigie.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script of faults to inject, one per line: when, scenario, service, duration.
 * <pre>
 * # when                scenario          service     duration
 * +2h                   cpu_saturation    api         10m
 * +08:19:20             connection_storm  postgresql  6m40s
 * 2026-03-14T09:25:00Z  memory_leak       billing     25m
 * </pre>
 * A time starting with {@code +} is an offset from the start of the run; blank lines and
 * {@code #} comments are skipped. A line that cannot be read is an error that names it.
 */
public final class ScenarioScript {
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern PARTS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private ScenarioScript() {
    }

    public static List<Scenario> parse(String text, Instant runStart) {
        List<Scenario> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f.length != 4) {
                    throw new IllegalArgumentException("expected: when scenario service duration");
                }
                Instant start = f[0].startsWith("+") ? runStart.plus(duration(f[0].substring(1))) : instant(f[0]);
                out.add(new Scenario(ScenarioKind.byKey(f[1]), f[2], start, start.plus(duration(f[3]))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scenario script line " + (i + 1) + " '" + lines[i].strip() + "': "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    /** A scenario written without its time ({@code cpu_saturation api 10m}), starting at {@code at}. */
    public static Scenario startingAt(String line, Instant at) {
        String[] f = line.strip().split("\\s+");
        if (f.length != 3) {
            throw new IllegalArgumentException("expected: scenario service duration, e.g. cpu_saturation api 10m; got '"
                    + line.strip() + "'");
        }
        return new Scenario(ScenarioKind.byKey(f[0]), f[1], at, at.plus(duration(f[2])));
    }

    /** {@code 90s}, {@code 6m40s}, {@code 1h30m}, {@code 2d}, or a clock offset {@code 08:19:20}. */
    static Duration duration(String text) {
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            return Duration.ofHours(Long.parseLong(clock.group(1))).plusMinutes(Long.parseLong(clock.group(2)))
                    .plusSeconds(clock.group(3) == null ? 0 : Long.parseLong(clock.group(3)));
        }
        Matcher m = PARTS.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 90s, 6m40s, 1h30m, 08:19:20)");
        }
        Duration d = Duration.ZERO;
        long[] unit = {86_400, 3_600, 60, 1};
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                d = d.plusSeconds(Long.parseLong(m.group(g)) * unit[g - 1]);
            }
        }
        if (d.isZero()) {
            throw new IllegalArgumentException("a scenario lasts longer than zero: '" + text + "'");
        }
        return d;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: '" + text + "' (an offset such as +2h, or 2026-03-14T09:25:00Z)", e);
        }
    }
}
