package dev.vigie.agent;

import java.time.Duration;

/** The four roles of the team, in order, with the time each may take by default. */
enum TeamStage {
    CONTEXT("context", Duration.ofSeconds(30)),
    DIAGNOSIS("diagnosis", Duration.ofSeconds(60)),
    FIXER("fixer", Duration.ofSeconds(90)),
    REPORTER("reporter", Duration.ofSeconds(30));

    private final String label;
    private final Duration timeout;

    TeamStage(String label, Duration timeout) {
        this.label = label;
        this.timeout = timeout;
    }

    String label() {
        return label;
    }

    Duration timeout() {
        return timeout;
    }
}
