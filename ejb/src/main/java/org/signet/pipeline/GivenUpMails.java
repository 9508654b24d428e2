package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.intake.OutboxStore;
import org.signet.job.Mail;
import org.signet.tracking.EventKind;
import org.signet.tracking.TrackingEvents;

/**
 * Ends a mail whose pipeline message the broker dead-lettered after its redelivery limit: the mail
 * gets PROCESSING_FAILED and is owed nothing more, neither processing nor delivery.
 */
@Stateless
public class GivenUpMails {

    private static final Logger LOG = Logger.getLogger(GivenUpMails.class.getName());

    @PersistenceContext private EntityManager em;

    @EJB private TrackingEvents tracking;

    @EJB private OutboxStore outbox;

    public void giveUp(String mailId, int attempts, String queue) {
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
                "Mail {0} given up: its message on {1} failed {2} times and was dead-lettered"
                        + " (the failures are logged above)",
                new Object[] {mailId, queue, attempts});
    }
}
