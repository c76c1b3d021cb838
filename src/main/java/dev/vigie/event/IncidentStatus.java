package dev.vigie.event;

public enum IncidentStatus {
    OPEN, RESOLVED
}
