package org.signet.tracking;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.job.Mail;

/**
 * Records the tracking points of mails, in the caller's transaction, and announces each as an
 * {@link EventRecorded} to observers in that transaction (push notifications).
 */
@Stateless
public class TrackingEvents {

    private static final Logger LOG = Logger.getLogger(TrackingEvents.class.getName());

    @PersistenceContext private EntityManager em;

    @Inject private Event<EventRecorded> recorded;

    /** Whether the mail already has an event of this kind. */
    public boolean has(Mail mail, EventKind kind) {
        return em.createNamedQuery(TrackingEvent.COUNT_OF_KIND, Long.class)
                        .setParameter("mailId", mail.getId())
                        .setParameter("type", kind.type())
                        .setParameter("subType", kind.subType())
                        .getSingleResult()
                > 0;
    }

    /** Whether the mail has ended: delivered, bounced or dropped. Nothing may follow. */
    public boolean hasFinalEvent(Mail mail) {
        return em.createNamedQuery(TrackingEvent.COUNT_FINAL, Long.class)
                        .setParameter("mailId", mail.getId())
                        .getSingleResult()
                > 0;
    }

    /** Records {@code kind} for the mail, also when it has such an event (a further DEFERRED). */
    public void record(Mail mail, EventKind kind, String description) {
        var job = mail.getJob();
        var text = description != null ? description : kind.defaultDescription();
        var event =
                new TrackingEvent(
                        mail.getId(),
                        job.getId(),
                        job.getCustomer().getId(),
                        Mail.searchKey(mail.getEnvelopeFrom()),
                        kind,
                        text,
                        Instant.now());
        em.persist(event);
        recorded.fire(new EventRecorded(event, mail));
        LOG.log(
                Level.INFO,
                "Mail {0} of job {1}: {2}/{3}",
                new Object[] {mail.getId(), job.getId(), kind.type(), kind.subType()});
    }

    /**
     * Records {@code kind} for the mail unless it already has such an event, so a redelivered
     * message does not record a step twice.
     *
     * @return whether an event was recorded now
     */
    public boolean recordOnce(Mail mail, EventKind kind, String description) {
        if (has(mail, kind)) {
            LOG.log(Level.FINE, "Mail {0} already has {1}", new Object[] {mail.getId(), kind});
            return false;
        }

        record(mail, kind, description);
        return true;
    }

    /**
     * {@link #recordOnce} in a transaction of its own, committed before the caller goes on: the
     * step stays on record even when the caller's work fails and rolls back (a mail that keeps
     * failing still shows that its processing started).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordOnceNow(String mailId, EventKind kind) {
        var mail = em.find(Mail.class, mailId);
        if (mail == null) {
            throw new IllegalArgumentException("no mail " + mailId);
        }
        return recordOnce(mail, kind, null);
    }
}
