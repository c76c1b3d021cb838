package dev.vigie.agent;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A known kind of failure: the signals that recognise it in log lines (each with its weight), the
 * domain it belongs to, its usual cause, what to do and what to check.
 */
record Playbook(String id, Domain domain, String cause, List<Signal> signals, List<String> steps, List<String> checks) {
    record Signal(Pattern pattern, double weight) {
    }
}
