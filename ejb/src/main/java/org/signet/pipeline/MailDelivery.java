package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.delivery.RetrySchedule;
import org.signet.delivery.SmtpRelay;
import org.signet.job.Mail;
import org.signet.platform.Settings;
import org.signet.tracking.EventKind;
import org.signet.tracking.TrackingEvents;

/**
 * One delivery attempt of a composed mail, in the caller's transaction: the stored bytes go to the
 * relay; 2xx ends the mail as DELIVERED, 5xx as a hard bounce, anything else defers it and
 * schedules the next attempt after the configured delay, until the attempts run out (a soft
 * bounce). A mail that already has its final event is never sent again.
 */
@Stateless
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @EJB private SmtpRelay relay;

    @EJB private TrackingEvents tracking;

    @EJB private DeliveryQueue queue;

    @PersistenceContext private EntityManager em;

    public void deliver(Mail mail, int attempt) {
        // two messages for the same attempt (one re-queued by the watch) take turns here
        em.refresh(mail, LockModeType.PESSIMISTIC_WRITE);
        if (tracking.hasFinalEvent(mail)) {
            LOG.log(Level.FINE, "Mail {0} was delivered or given up before", mail.getId());
            return;
        }
        if (!mail.awaitsDeliveryAttempt(attempt)) {
            LOG.log(
                    Level.FINE,
                    "Mail {0}: delivery message for attempt {1} is stale (attempt {2} is due)",
                    new Object[] {mail.getId(), attempt, mail.getDeliveryAttempt()});
            return;
        }
        if (!mail.isComposed()) {
            throw new IllegalStateException("mail " + mail.getId() + " has no stored message");
        }

        var outcome =
                relay.send(
                        mail.getEnvelopeFrom(),
                        mail.getEnvelopeTo(),
                        mail.getMime().getBytes(StandardCharsets.ISO_8859_1));

        switch (outcome.kind()) {
            case ACCEPTED -> end(mail, EventKind.DELIVERED, outcome.reply());
            case PERMANENT_FAILURE -> end(mail, EventKind.HARD_BOUNCED, outcome.reply());
            case TEMPORARY_FAILURE -> deferOrGiveUp(mail, attempt, outcome.reply());
        }
    }

    private void end(Mail mail, EventKind kind, String reply) {
        tracking.record(mail, kind, reply);
        mail.deliveryEnded();
    }

    private void deferOrGiveUp(Mail mail, int attempt, String reply) {
        var schedule =
                RetrySchedule.parse(
                        Settings.value(Settings.DELIVERY_RETRY_DELAYS)
                                .orElse(RetrySchedule.DEFAULT));
        var delay = schedule.delayAfter(attempt);
        if (delay.isEmpty()) {
            end(
                    mail,
                    EventKind.SOFT_BOUNCED,
                    "given up after " + attempt + " attempts; last: " + reply);
            return;
        }

        tracking.record(mail, EventKind.DEFERRED, reply);
        queue.schedule(mail, attempt + 1, delay.get());
        LOG.log(
                Level.INFO,
                "Mail {0}: attempt {1} deferred ({2}); next in {3}",
                new Object[] {mail.getId(), attempt, reply, format(delay.get())});
    }

    private static String format(Duration delay) {
        return delay.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
