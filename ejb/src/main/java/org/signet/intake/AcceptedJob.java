package org.signet.intake;

import java.util.List;

/**
 * A job that is durably stored, with the outbox rows still to be handed to the broker; {@code
 * replayed} when an Idempotency-Key named a job accepted before, and nothing new was stored.
 */
public record AcceptedJob(String jobId, List<String> outboxIds, boolean replayed) {

    static AcceptedJob replay(String jobId) {
        return new AcceptedJob(jobId, List.of(), true);
    }
}
