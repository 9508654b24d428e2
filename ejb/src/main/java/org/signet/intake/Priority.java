package org.signet.intake;

import java.util.Locale;

/** The priority a JobRequest may give a mail, and the headers that carry it. */
public enum Priority {
    HIGH("1 (Highest)", "high"),
    NORMAL("3 (Normal)", "normal"),
    LOW("5 (Lowest)", "low");

    static final String VALUES = "HIGH|NORMAL|LOW";
    static final String MESSAGE = "must be HIGH, NORMAL or LOW";

    private final String xPriority;
    private final String importance;

    Priority(String xPriority, String importance) {
        this.xPriority = xPriority;
        this.importance = importance;
    }

    /** The priority a validated request names, or null. */
    public static Priority of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** {@code X-Priority}, which most clients read. */
    public String xPriority() {
        return xPriority;
    }

    /** {@code Importance} (RFC 2156), which the rest read. */
    public String importance() {
        return importance;
    }
}
