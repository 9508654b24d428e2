package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.intake.JobRequest;
import org.signet.intake.MailComposer;
import org.signet.intake.OutboxStore;
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
 * the sender's certificate when the job's decision is to sign, store the bytes that will be
 * delivered and put the mail on the delivery queue. A mail without a valid certificate for its
 * sender ends as PROCESSING_FAILED. Steps already done (a redelivered message) are not done again:
 * no mail is signed twice, and none is queued for delivery twice.
 */
@Stateless
public class MailProcessing {

    private static final Logger LOG = Logger.getLogger(MailProcessing.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final SmimeSigner SIGNER = new SmimeSigner();
    private static final Session SESSION = Session.getInstance(new Properties());

    @EJB private TrackingEvents tracking;

    @EJB private CustomerPki pki;

    @EJB private DeliveryQueue deliveryQueue;

    @EJB private OutboxStore outbox;

    @PersistenceContext private EntityManager em;

    private final MailComposer composer = new MailComposer();

    public void process(Mail mail) {
        tracking.recordOnceNow(mail.getId(), EventKind.PROCESSING_STARTED);
        // a second message for the same mail (a re-send) waits here and then finds it done
        em.refresh(mail, LockModeType.PESSIMISTIC_WRITE);
        if (mail.isComposed() || tracking.has(mail, EventKind.PROCESSING_FAILED)) {
            LOG.log(Level.FINE, "Mail {0} was processed before", mail.getId());
            return;
        }

        MimeMessage message;
        List<String> recipients;
        if (mail.hasClientMessage()) {
            message = clientMessage(mail);
            recipients = mail.getEnvelopeTo();
        } else {
            var request = JSONB.fromJson(mail.getJob().getRequestJson(), JobRequest.class);
            message = compose(mail, request);
            recipients = envelopeRecipients(mail, request);
        }
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
                outbox.settle(mail.getId());
                return;
            }
            mail.compose(
                    sign(
                            mail,
                            message,
                            new SigningCredentials(key.get().privateKey(), key.get().chain())),
                    recipients);
            tracking.recordOnce(mail, EventKind.SIGNED, null);
        } else if (mail.hasClientMessage()) {
            // the client's message leaves as it came, byte for byte
            mail.compose(mail.getSourceMime(), recipients);
        } else {
            mail.compose(unsigned(message), recipients);
        }

        tracking.recordOnce(mail, EventKind.PROCESSING_FINISHED, null);
        outbox.settle(mail.getId());
        deliveryQueue.schedule(mail, 1, Duration.ZERO);
    }

    private List<String> envelopeRecipients(Mail mail, JobRequest request) {
        try {
            return composer.envelopeRecipients(request, mail.getPosition()).stream()
                    .map(InternetAddress::getAddress)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the recipients of " + mail.getId(), e);
        }
    }

    private MimeMessage compose(Mail mail, JobRequest request) {
        try {
            return composer.compose(
                    request,
                    mail.getPosition(),
                    mail.getMessageId(),
                    mail.getJob().getReceivedAt());
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot compose mail " + mail.getId(), e);
        }
    }

    private static MimeMessage clientMessage(Mail mail) {
        try {
            // a shared stream: the parts read their bytes from this one array, not from copies
            return new MimeMessage(
                    SESSION,
                    new SharedByteArrayInputStream(
                            mail.getSourceMime().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the message of mail " + mail.getId(), e);
        }
    }

    private static String sign(Mail mail, MimeMessage message, SigningCredentials credentials) {
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

    private static String unsigned(MimeMessage message) {
        try {
            message.saveChanges();
            var bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toString(StandardCharsets.ISO_8859_1);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot write an unsigned mail", e);
        }
    }
}
