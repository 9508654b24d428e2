package org.signet.tracking;

/**
 * The tracking vocabulary customers already know: each kind fixes phase, state, type and subType
 * (DESIGN.md, "Event sequences, exactly").
 */
public enum EventKind {
    PROCESSING_STARTED("PROCESS", "INITIAL", "STARTED", "PROCESSING_STARTED", null),
    SIGNED("PROCESS", "INTERMEDIATE", "SMIME_SIGNING", "OK", "The mail was signed successfully."),
    PROCESSING_FINISHED("PROCESS", "INTERMEDIATE", "PROCESSED", "PROCESSING_FINISHED", null),
    PROCESSING_FAILED("PROCESS", "FINISHED", "DROPPED", "PROCESSING_FAILED", null),
    DELIVERED("DELIVER", "FINISHED", "DELIVERED", "OK", null),
    DEFERRED("DELIVER", "INTERMEDIATE", "DEFERRED", "SOFT_BOUNCE", null),
    SOFT_BOUNCED("DELIVER", "FINISHED", "BOUNCED", "SOFT_BOUNCE", null),
    HARD_BOUNCED("DELIVER", "FINISHED", "BOUNCED", "HARD_BOUNCE", null);

    private final String phase;
    private final String state;
    private final String type;
    private final String subType;
    private final String defaultDescription;

    EventKind(String phase, String state, String type, String subType, String description) {
        this.phase = phase;
        this.state = state;
        this.type = type;
        this.subType = subType;
        this.defaultDescription = description;
    }

    public String phase() {
        return phase;
    }

    public String state() {
        return state;
    }

    public String type() {
        return type;
    }

    public String subType() {
        return subType;
    }

    public String defaultDescription() {
        return defaultDescription;
    }
}
