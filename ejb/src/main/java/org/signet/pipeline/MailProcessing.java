package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.intake.JobRequest;
import org.signet.job.Mail;
import org.signet.pki.CustomerPki;
import org.signet.policy.SigningDecision;
import org.signet.signing.SigningCredentials;
import org.signet.signing.SigningException;
import org.signet.signing.SmimeSigner;
import org.signet.tracking.EventKind;
import org.signet.tracking.TrackingEvents;

/**
 * The processing steps of one mail, in the caller's transaction: compose the message, sign it with
 * the sender's certificate when the job's decision is to sign, and store the bytes that will be
 * delivered. A mail without a valid certificate for its sender ends as PROCESSING_FAILED. Steps
 * already done (a redelivered message) are not done again: no mail is signed twice.
 */
// TODO [Pipeline] delivery through the relay and its events come with the processing pipeline
@Stateless
public class MailProcessing {

    private static final Logger LOG = Logger.getLogger(MailProcessing.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final SmimeSigner SIGNER = new SmimeSigner();

    @EJB private TrackingEvents tracking;

    @EJB private CustomerPki pki;

    private final MailComposer composer = new MailComposer();

    public void process(Mail mail) {
        tracking.recordOnce(mail, EventKind.PROCESSING_STARTED, null);
        if (mail.isComposed() || tracking.has(mail, EventKind.PROCESSING_FAILED)) {
            LOG.log(Level.FINE, "Mail {0} was processed before", mail.getId());
            return;
        }

        var request = JSONB.fromJson(mail.getJob().getRequestJson(), JobRequest.class);
        var message = compose(mail, request);
        if (mail.getSigning() == SigningDecision.SIGN) {
            var key =
                    pki.signingKeyFor(mail.getJob().getCustomer().getId(), mail.getEnvelopeFrom());
            if (key.isEmpty()) {
                tracking.recordOnce(
                        mail,
                        EventKind.PROCESSING_FAILED,
                        "signature with given key identifier ("
                                + mail.getEnvelopeFrom()
                                + ") failed");
                return;
            }
            mail.compose(
                    sign(
                            mail,
                            message,
                            new SigningCredentials(key.get().privateKey(), key.get().chain())));
            tracking.recordOnce(mail, EventKind.SIGNED, null);
        } else {
            mail.compose(unsigned(message));
        }

        tracking.recordOnce(mail, EventKind.PROCESSING_FINISHED, null);
    }

    private jakarta.mail.internet.MimeMessage compose(Mail mail, JobRequest request) {
        try {
            return composer.compose(mail, request);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose mail " + mail.getId(), e);
        }
    }

    private static String sign(
            Mail mail, jakarta.mail.internet.MimeMessage message, SigningCredentials credentials) {
        try {
            var signed = SIGNER.sign(message, credentials);
            LOG.log(
                    Level.INFO,
                    "Mail {0} signed for {1} ({2}, {3} bytes)",
                    new Object[] {
                        mail.getId(), mail.getEnvelopeFrom(), signed.micalg(), signed.size()
                    });
            return new String(signed.mime(), StandardCharsets.US_ASCII);
        } catch (SigningException e) {
            throw new IllegalStateException("cannot sign mail " + mail.getId(), e);
        }
    }

    private static String unsigned(jakarta.mail.internet.MimeMessage message) {
        try {
            message.saveChanges();
            var bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write an unsigned mail", e);
        }
    }
}
