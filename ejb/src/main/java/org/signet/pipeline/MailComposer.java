package org.signet.pipeline;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.signet.intake.JobRequest;
import org.signet.job.Mail;

/**
 * Builds the MIME message of one mail from its JobRequest: From from {@code mimeFrom} (else the
 * envelope sender), the recipient entry's To addresses, subject, body and the Message-ID fixed at
 * intake.
 */
// TODO [Pipeline] thin composition: alternative, attachments, cc/bcc, reply-to, priority, extra
// headers and declared content encodings come with the full JobRequest
final class MailComposer {

    private final Session session = Session.getInstance(new Properties());

    MimeMessage compose(Mail mail, JobRequest request) throws MessagingException {
        var recipient = request.recipients().get(mail.getPosition());
        var message = new FixedIdMessage(session);

        var from =
                request.mail().mimeFrom() != null
                        ? request.mail().mimeFrom()
                        : request.mail().from();
        message.setFrom(InternetAddress.parseHeader(from.email(), true)[0]);
        for (var to : recipient.mail().to()) {
            message.addRecipient(
                    MimeMessage.RecipientType.TO, InternetAddress.parseHeader(to.email(), true)[0]);
        }
        message.setSubject(request.subject().content(), charset(request.subject().charset()));
        message.setSentDate(Date.from(mail.getJob().getReceivedAt()));
        message.setHeader("Message-ID", mail.getMessageId());

        var body = request.body();
        if (body == null) {
            message.setText("", "UTF-8");
        } else {
            var subtype = "text/html".equalsIgnoreCase(body.contentType()) ? "html" : "plain";
            message.setText(body.content(), charset(body.charset()), subtype);
        }
        return message;
    }

    /** Keeps the Message-ID fixed at intake: {@code saveChanges()} would otherwise replace it. */
    private static final class FixedIdMessage extends MimeMessage {

        FixedIdMessage(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }

    private static String charset(String declared) {
        return declared == null || declared.isBlank() ? "UTF-8" : declared;
    }
}
