package org.signet.tracking;

import java.util.List;

/** A job as {@code GET /rest/v1/jobs/{jobId}} answers it (DESIGN.md, "Job and mail model"). */
public record JobView(
        String jobId,
        String customerNo,
        String account,
        String receivedTs,
        String referenceJob,
        String signing,
        String status,
        List<MailView> mails) {

    public record MailView(
            String id,
            String email,
            String from,
            String mimeFrom,
            String messageId,
            String status,
            List<EventView> events) {}

    public record EventView(
            String type,
            String phase,
            String state,
            String subType,
            String ts,
            String description) {}
}
