package org.signet.notification;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.signet.account.TechnicalAccount;
import org.signet.tracking.EventRecorded;

/**
 * Puts every tracking event of a job that has a notification endpoint (its own or its account's
 * default) on the notifications queue, in the transaction that records the event: the push exists
 * exactly when the event does. Pushing happens on the notifications queue's own consumers, so a
 * slow or dead receiver never holds up the pipeline.
 */
@ApplicationScoped
public class NotificationQueue {

    /** Message property: the tracking event's id. */
    static final String EVENT_ID = "signetEventId";

    /** Message property: which attempt of the push this message starts, from 1. */
    static final String ATTEMPT = "signetAttempt";

    @PersistenceContext private EntityManager em;

    @Resource(lookup = "jms/signet/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/signet/NotificationsQueue")
    private Queue notifications;

    void onEventRecorded(@Observes EventRecorded recorded) {
        var job = recorded.mail().getJob();
        var url = job.getNotificationUrl();
        if (url == null) {
            var account = em.find(TechnicalAccount.class, job.getAccountId());
            url = account == null ? null : account.getNotificationUrl();
        }
        if (url == null) {
            return;
        }

        var eventId = recorded.event().getId();
        // the push refers to the event without a JPA relationship: write the event first
        em.flush();
        em.persist(new NotificationDelivery(eventId, job.getId(), url, Instant.now()));
        schedule(eventId, 1, Duration.ZERO);
    }

    /** Queues attempt {@code attempt} of the push of event {@code eventId} after {@code delay}. */
    public void schedule(Long eventId, int attempt, Duration delay) {
        try (var context = connectionFactory.createContext()) {
            var message = context.createMessage();
            message.setLongProperty(EVENT_ID, eventId);
            message.setIntProperty(ATTEMPT, attempt);
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setDeliveryDelay(delay.toMillis())
                    .send(notifications, message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue the push of event " + eventId, e);
        }
    }
}
