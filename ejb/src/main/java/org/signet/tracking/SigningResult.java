package org.signet.tracking;

import java.util.Collection;
import java.util.List;

/** What became of a mail's signature, read off its events: the console shows it at a glance. */
public enum SigningResult {
    /** Signed with the sender's certificate (whatever happened to the mail afterwards). */
    SIGNED,
    /** Processed and sent as it was: the job did not ask for a signature. */
    UNSIGNED,
    /** Dropped before it was signed, typically for want of a valid certificate. */
    DROPPED,
    /** Not processed yet. */
    PENDING;

    /** The result for a mail whose events have these types. */
    public static SigningResult of(Collection<String> eventTypes) {
        if (eventTypes.contains(EventKind.SIGNED.type())) {
            return SIGNED;
        }
        if (eventTypes.contains(EventKind.PROCESSING_FAILED.type())) {
            return DROPPED;
        }
        if (eventTypes.contains(EventKind.PROCESSING_FINISHED.type())) {
            return UNSIGNED;
        }
        return PENDING;
    }

    /** The event types that decide the result; the search reads only these. */
    static final List<String> DECIDING_TYPES =
            List.of(
                    EventKind.SIGNED.type(),
                    EventKind.PROCESSING_FAILED.type(),
                    EventKind.PROCESSING_FINISHED.type());
}
