package org.signet.pki;

import java.time.Duration;
import java.time.Instant;

/** Where a certificate stands in its validity period at a given moment. */
public enum CertificateStatus {
    VALID,
    /** Still valid, but for {@link #EXPIRING_WITHIN} or less. */
    EXPIRING,
    EXPIRED,
    NOT_YET_VALID;

    /** How close to notAfter a valid certificate counts as expiring. */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(30);

    public static CertificateStatus at(Instant now, Instant notBefore, Instant notAfter) {
        if (now.isBefore(notBefore)) {
            return NOT_YET_VALID;
        }
        if (now.isAfter(notAfter)) {
            return EXPIRED;
        }
        return now.plus(EXPIRING_WITHIN).isBefore(notAfter) ? VALID : EXPIRING;
    }

    /** Whether a certificate in this status may sign. */
    public boolean maySign() {
        return this == VALID || this == EXPIRING;
    }
}
