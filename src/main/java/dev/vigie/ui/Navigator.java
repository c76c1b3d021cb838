package dev.vigie.ui;

/** How one view sends the person to another: a cited incident, a log line, a question for the chat. */
public interface Navigator {
    void openIncident(String incidentId);

    /** A stored log line by its id ({@code L-…} in the chat's citations, without the prefix). */
    void openLogLine(long eventId);

    /** A log template by its id ({@code T-…}). */
    void openTemplate(String templateId);

    /** The chat, with a question asked. */
    void ask(String question);

    /** The log explorer on one service's lines (empty: every service), at a level or worse ({@code WARN+}; empty: any). */
    void openLogs(String service, String level);

    /** A view by its id ({@code settings}...). */
    void show(String viewId);

    /** For views shown alone (tests): going elsewhere does nothing. */
    Navigator NOWHERE = new Navigator() {
        @Override
        public void openIncident(String incidentId) {
        }

        @Override
        public void openLogLine(long eventId) {
        }

        @Override
        public void openTemplate(String templateId) {
        }

        @Override
        public void ask(String question) {
        }

        @Override
        public void openLogs(String service, String level) {
        }

        @Override
        public void show(String viewId) {
        }
    };
}
