package org.signet.intake;

import jakarta.mail.internet.MailDateFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.signet.intake.JobRequest.Authentication;
import org.signet.intake.JobRequest.EndPoint;
import org.signet.intake.JobRequest.JobSettings;
import org.signet.intake.JobRequest.Notification;

/**
 * A message that a client sent whole (over the SMTP adapter), read as a job of one mail: its
 * envelope, the job's settings from its control headers (the same records as a JobRequest) and the
 * client's message without those headers, which Signet signs and delivers as it is.
 */
public record ClientMessage(
        String envelopeFrom,
        List<String> recipients,
        byte[] message,
        String email,
        String mimeFrom,
        String messageId,
        boolean hasDate,
        Boolean signingFlag,
        JobSettings settings,
        Notification notification) {

    /** The request as Signet stores it for an SMTP job: settings, never the password. */
    public JobRequest asStoredRequest() {
        var stored = notification == null ? null : withoutPassword(notification);
        return new JobRequest(
                null,
                null,
                null,
                null,
                null,
                new JobRequest.MailSettings(
                        new JobRequest.Address(envelopeFrom),
                        mimeFrom == null ? null : new JobRequest.Address(mimeFrom),
                        null,
                        null,
                        null,
                        null),
                settings,
                stored);
    }

    public String notificationPassword() {
        return notification == null || notification.endPoint().authentication() == null
                ? null
                : notification.endPoint().authentication().password();
    }

    /**
     * The message to keep: the client's bytes, with a Message-ID and a Date header in front where
     * the client gave none (RFC 5322 3.6 requires Date; Signet's tracking needs the Message-ID).
     */
    public byte[] completedMessage(String givenMessageId, Instant receivedAt) {
        var added = new StringBuilder();
        if (messageId == null) {
            added.append("Message-ID: ").append(givenMessageId).append("\r\n");
        }
        if (!hasDate) {
            added.append("Date: ")
                    .append(new MailDateFormat().format(Date.from(receivedAt)))
                    .append("\r\n");
        }
        if (added.length() == 0) {
            return message.clone();
        }
        var completed = new ByteArrayOutputStream(message.length + added.length());
        completed.writeBytes(added.toString().getBytes(StandardCharsets.US_ASCII));
        completed.writeBytes(message);
        return completed.toByteArray();
    }

    private static Notification withoutPassword(Notification notification) {
        var endPoint = notification.endPoint();
        var authentication = endPoint.authentication();
        if (authentication == null) {
            return notification;
        }
        return new Notification(
                new EndPoint(
                        endPoint.url(),
                        endPoint.headers(),
                        new Authentication(authentication.method(), authentication.user(), null)));
    }
}
