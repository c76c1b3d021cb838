package dev.vigie.report;

/**
 * Tells people of an incident's report: once per incident and state, never throwing at the caller
 * (a failure is counted and said in {@link #summary()}). E-mail is the first; alert webhooks and
 * desktop notifications come next.
 */
public interface Notifier {
    /** What became of one notification. */
    enum Outcome { SENT, ALREADY_SENT, HELD_BACK, FAILED, DISABLED }

    Outcome send(Notification n);

    /** What became of the notifications so far, in a few words for the status bar. */
    String summary();
}
