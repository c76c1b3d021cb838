package dev.vigie.event;

/** An incident is open while its signals are abnormal, resolved once they are quiet, reopened when they come back soon after. */
public enum IncidentStatus {
    OPEN, RESOLVED, REOPENED
}
