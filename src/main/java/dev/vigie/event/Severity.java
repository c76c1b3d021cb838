package dev.vigie.event;

public enum Severity {
    INFO, WARNING, CRITICAL;

    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
