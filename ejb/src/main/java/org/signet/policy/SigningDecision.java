package org.signet.policy;

/** Whether the mails of a job are signed; taken once at intake and stored on each mail. */
public enum SigningDecision {
    SIGN,
    NO_SIGN
}
