package org.signet.delivery;

/**
 * What the relay said to one delivery attempt: accepted (2xx), refused for now (4xx, or no answer
 * at all) or refused for good (5xx), with the reply or the failure for the tracking event.
 */
public record RelayOutcome(Kind kind, String reply) {

    public enum Kind {
        ACCEPTED,
        TEMPORARY_FAILURE,
        PERMANENT_FAILURE
    }

    static RelayOutcome accepted(String reply) {
        return new RelayOutcome(Kind.ACCEPTED, reply);
    }

    static RelayOutcome temporaryFailure(String reply) {
        return new RelayOutcome(Kind.TEMPORARY_FAILURE, reply);
    }

    static RelayOutcome permanentFailure(String reply) {
        return new RelayOutcome(Kind.PERMANENT_FAILURE, reply);
    }
}
