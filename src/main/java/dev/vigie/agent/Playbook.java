package dev.vigie.agent;

import java.util.List;
import java.util.regex.Pattern;

/** A known failure: the signature that recognises it in the facts, its cause and what to do. */
record Playbook(String id, Domain domain, Pattern signature, String cause, List<String> steps, List<String> checks) {
}
