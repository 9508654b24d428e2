package org.signet.tracking;

import java.util.List;

/** Status of a mail and of a job, derived from the mail's events. */
public enum MailStatus {
    QUEUED,
    PROCESSING,
    DEFERRED,
    DELIVERED,
    BOUNCED,
    DROPPED;

    static MailStatus of(List<TrackingEvent> eventsInOrder) {
        if (eventsInOrder.isEmpty()) {
            return QUEUED;
        }
        var last = eventsInOrder.get(eventsInOrder.size() - 1);
        return switch (last.getType()) {
            case "DROPPED" -> DROPPED;
            case "DELIVERED" -> DELIVERED;
            case "BOUNCED" -> BOUNCED;
            case "DEFERRED" -> DEFERRED;
            default -> PROCESSING;
        };
    }

    boolean isFinal() {
        return this == DELIVERED || this == BOUNCED || this == DROPPED;
    }

    static String jobStatus(List<MailStatus> mails) {
        if (mails.stream().allMatch(MailStatus::isFinal)) {
            return "FINISHED";
        }
        if (mails.stream().allMatch(status -> status == QUEUED)) {
            return "QUEUED";
        }
        return "PROCESSING";
    }
}
