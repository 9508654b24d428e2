package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.job.Mail;
import org.signet.tracking.TrackingEvents;

/** The delivery watch's steps, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryRequeue {

    private static final Logger LOG = Logger.getLogger(DeliveryRequeue.class.getName());

    @PersistenceContext private EntityManager em;

    @EJB private DeliveryQueue queue;

    @EJB private TrackingEvents tracking;

    /** Mails whose next delivery attempt was due before {@code before}, most overdue first. */
    public List<String> overdue(Instant before, int limit) {
        return em.createNamedQuery(Mail.DELIVERY_OVERDUE, String.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Queues the mail's due attempt again if it is still overdue.
     *
     * @return whether a message was queued
     */
    public boolean requeue(String mailId, Instant before) {
        var mail = em.find(Mail.class, mailId, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null
                || mail.getDeliveryDueAt() == null
                || !mail.getDeliveryDueAt().isBefore(before)
                || tracking.hasFinalEvent(mail)) {
            return false;
        }
        LOG.log(
                Level.WARNING,
                "Mail {0}: delivery attempt {1} was due at {2}; queued again",
                new Object[] {mail.getId(), mail.getDeliveryAttempt(), mail.getDeliveryDueAt()});
        queue.schedule(mail, mail.getDeliveryAttempt(), Duration.ZERO);
        return true;
    }
}
