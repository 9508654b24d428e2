package org.signet.notification;

import jakarta.json.JsonObjectBuilder;
import org.signet.job.Job;
import org.signet.job.Mail;
import org.signet.platform.JsonSupport;
import org.signet.tracking.Timestamps;
import org.signet.tracking.TrackingEvent;

/**
 * The JSON document pushed for one event (DESIGN.md, push notifications): the job's metadata, then
 * one notification with the mail and the event, in the shape customers' receivers already parse.
 */
final class NotificationPayload {

    static final String VERSION = "1";

    private NotificationPayload() {}

    static String of(Job job, Mail mail, TrackingEvent event) {
        var meta =
                JsonSupport.PROVIDER
                        .createObjectBuilder()
                        .add("account", job.getAccountId())
                        .add("customerNo", job.getCustomer().getCustomerNo())
                        .add("receivedTs", Timestamps.format(job.getReceivedAt()))
                        .add("jobId", job.getId())
                        .add("version", VERSION);
        addIfPresent(meta, "referenceJob", job.getReferenceJob());

        var mailObject =
                JsonSupport.PROVIDER
                        .createObjectBuilder()
                        .add("id", mail.getId())
                        .add("email", mail.getEmail())
                        .add("from", mail.getEnvelopeFrom());
        addIfPresent(mailObject, "mimeFrom", mail.getMimeFrom());
        addIfPresent(mailObject, "messageId", mail.getMessageId());

        var eventObject =
                JsonSupport.PROVIDER
                        .createObjectBuilder()
                        .add("type", event.getType())
                        .add("phase", event.getPhase())
                        .add("state", event.getState())
                        .add("subType", event.getSubType())
                        .add("ts", Timestamps.format(event.getOccurredAt()));
        addIfPresent(eventObject, "description", event.getDescription());

        var notification =
                JsonSupport.PROVIDER
                        .createObjectBuilder()
                        .add("mail", mailObject)
                        .add("event", eventObject);
        addIfPresent(notification, "tag", job.getReferenceJob());

        return JsonSupport.PROVIDER
                .createObjectBuilder()
                .add("meta", meta)
                .add(
                        "notifications",
                        JsonSupport.PROVIDER
                                .createArrayBuilder()
                                .add(
                                        JsonSupport.PROVIDER
                                                .createObjectBuilder()
                                                .add("meta", notification)))
                .build()
                .toString();
    }

    private static void addIfPresent(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }
}
