package org.signet.intake;

import jakarta.ejb.ApplicationException;

/**
 * A JobRequest that is refused as a whole before anything is stored, for a reason the client must
 * fix: {@link Reason#SIGNING_NOT_ALLOWED} (403), {@link Reason#ACCOUNT_UNKNOWN} (403), {@link
 * Reason#IDEMPOTENCY_CONFLICT} (409), {@link Reason#MAIL_TOO_LARGE} (413).
 */
@ApplicationException(rollback = true)
public class JobRejectedException extends RuntimeException {

    public enum Reason {
        SIGNING_NOT_ALLOWED,
        ACCOUNT_UNKNOWN,
        IDEMPOTENCY_CONFLICT,
        MAIL_TOO_LARGE
    }

    private final Reason reason;

    public JobRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
