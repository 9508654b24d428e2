package org.signet.intake;

import java.util.List;

/** A job that is durably stored, with the outbox rows still to be handed to the broker. */
public record AcceptedJob(String jobId, List<String> outboxIds) {}
