package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.intake.OutboxStore;
import org.signet.job.Mail;
import org.signet.tracking.EventKind;
import org.signet.tracking.TrackingEvents;

/**
 * Ends a mail whose pipeline message failed on its last delivery by the broker, which then moves
 * the message to the dead-letter queue: the mail gets PROCESSING_FAILED, never silence. Runs in a
 * transaction of its own, since the failing one rolls back.
 */
@Stateless
public class GivenUpMails {

    private static final Logger LOG = Logger.getLogger(GivenUpMails.class.getName());

    @PersistenceContext private EntityManager em;

    @EJB private TrackingEvents tracking;

    @EJB private OutboxStore outbox;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void giveUp(String mailId, int attempts, Throwable lastFailure) {
        var mail = em.find(Mail.class, mailId);
        if (mail == null || tracking.hasFinalEvent(mail)) {
            return;
        }
        tracking.record(
                mail,
                EventKind.PROCESSING_FAILED,
                "processing failed after " + attempts + " attempts");
        mail.deliveryEnded();
        outbox.settle(mailId);
        LOG.log(
                Level.SEVERE,
                "Mail " + mailId + " given up after " + attempts + " attempts: dead-lettered",
                lastFailure);
    }
}
