package org.signet.notification;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.delivery.RetrySchedule;
import org.signet.job.Mail;
import org.signet.notification.NotificationDelivery.Status;
import org.signet.platform.Settings;
import org.signet.tracking.TrackingEvent;

/**
 * One attempt to push one tracking event, per message of the notifications queue: 2xx ends the
 * push, 3xx and 400-406 give it up at once, anything else is tried again later on the broker's
 * scheduled delivery, up to the retry schedule's end. Bound to its queue in glassfish-ejb-jar.xml,
 * with few sessions of its own: receivers wait here, never in the pipeline.
 */
@MessageDriven
public class NotificationConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NotificationConsumer.class.getName());

    @PersistenceContext private EntityManager em;

    @EJB private NotificationEndpoints endpoints;

    @EJB private NotificationSignature signatures;

    @Inject private NotificationSender sender;

    @Inject private NotificationQueue queue;

    @Override
    public void onMessage(Message message) {
        long eventId;
        int attempt;
        try {
            eventId = message.getLongProperty(NotificationQueue.EVENT_ID);
            attempt = message.getIntProperty(NotificationQueue.ATTEMPT);
        } catch (JMSException e) {
            throw new IllegalStateException("a notification message without its properties", e);
        }
        var push = em.find(NotificationDelivery.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (push == null || !push.awaits(attempt)) {
            LOG.log(
                    Level.FINE,
                    "Push of event {0}, attempt {1}: done before",
                    new Object[] {eventId, attempt});
            return;
        }

        var event = em.find(TrackingEvent.class, eventId);
        var mail = em.find(Mail.class, event.getMailId());
        var endpoint = endpoints.of(mail.getJob());
        if (endpoint == null) {
            push.attempted(
                    Status.GIVEN_UP,
                    "the account has no notification endpoint any more",
                    Instant.now());
            return;
        }
        NotificationSender.Answer answer;
        try {
            var json = NotificationPayload.of(mail.getJob(), mail, event);
            var signature =
                    signatures.sign(
                            mail.getJob().getAccountId(), json, Instant.now().getEpochSecond());
            answer = sender.post(endpoint, json, signature.orElse(null));
        } finally {
            if (endpoint.password() != null) {
                Arrays.fill(endpoint.password(), '\0');
            }
        }

        settle(push, attempt, answer, event);
    }

    private void settle(
            NotificationDelivery push,
            int attempt,
            NotificationSender.Answer answer,
            TrackingEvent event) {
        var now = Instant.now();
        if (answer.answered() && NotificationRetries.isSuccess(answer.status())) {
            push.attempted(Status.DELIVERED, answer.text(), now);
            LOG.log(
                    Level.FINE,
                    "Event {0} of mail {1} pushed to {2}: {3}",
                    new Object[] {event.getId(), event.getMailId(), push.getUrl(), answer.text()});
            return;
        }
        if (answer.answered() && NotificationRetries.isFinalRefusal(answer.status())) {
            push.attempted(Status.GIVEN_UP, answer.text() + ", not retried", now);
            LOG.log(
                    Level.INFO,
                    "Push of event {0} of mail {1} to {2} given up: {3} is not retried",
                    new Object[] {event.getId(), event.getMailId(), push.getUrl(), answer.text()});
            return;
        }

        var retries =
                new NotificationRetries(
                        RetrySchedule.parse(
                                Settings.value(Settings.NOTIFICATION_RETRY_DELAYS)
                                        .orElse(NotificationRetries.DEFAULT)));
        var delay = retries.delayAfter(attempt);
        if (delay.isEmpty()) {
            push.attempted(Status.GIVEN_UP, answer.text() + " after " + attempt + " attempts", now);
            LOG.log(
                    Level.WARNING,
                    "Push of event {0} of mail {1} to {2} given up after {3} attempts: {4}",
                    new Object[] {
                        event.getId(), event.getMailId(), push.getUrl(), attempt, answer.text()
                    });
            return;
        }
        push.attempted(Status.PENDING, answer.text(), now);
        queue.schedule(event.getId(), attempt + 1, delay.get());
        LOG.log(
                Level.INFO,
                "Push of event {0} of mail {1} to {2}: attempt {3} failed ({4}); next in {5} ms",
                new Object[] {
                    event.getId(),
                    event.getMailId(),
                    push.getUrl(),
                    attempt,
                    answer.text(),
                    delay.get().toMillis()
                });
    }
}
