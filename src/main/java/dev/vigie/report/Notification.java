package dev.vigie.report;

/**
 * One incident's report in one state.
 *
 * @param state    the state it tells of (open, resolved@end…): one notification per incident and state
 * @param markdown the report; a notifier redacts it once more on the way out
 */
public record Notification(String incidentId, String state, String subject, String markdown) {
}
