package org.signet.tracking;

import java.time.Instant;

/** One line of the Live Search: an event with its mail, job and the mail's signing result. */
public record EventHit(
        long eventId,
        Instant occurredAt,
        String phase,
        String state,
        String type,
        String subType,
        String description,
        String mailId,
        String jobId,
        String customerNo,
        String account,
        String sender,
        String recipient,
        String jobReference,
        String reference,
        SigningResult signing) {}
