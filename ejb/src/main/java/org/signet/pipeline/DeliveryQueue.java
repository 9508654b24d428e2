package org.signet.pipeline;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import org.signet.job.Mail;

/**
 * Puts a mail on the delivery queue, in the caller's transaction: the message exists exactly when
 * the step that asked for it commits. A delay uses the broker's scheduled delivery.
 */
@Stateless
public class DeliveryQueue {

    /** Message property: which delivery attempt of the mail this message starts, from 1. */
    static final String ATTEMPT = "signetAttempt";

    @Resource(lookup = "jms/signet/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/signet/DeliveryQueue")
    private Queue deliveryQueue;

    /**
     * Records on the mail that attempt {@code attempt} is due after {@code delay} and queues its
     * message; both commit together with the caller's step, or neither does.
     */
    public void schedule(Mail mail, int attempt, Duration delay) {
        mail.deliveryDue(attempt, Instant.now().plus(delay));
        var mailId = mail.getId();
        try (var context = connectionFactory.createContext()) {
            var message = context.createTextMessage(mailId);
            message.setIntProperty(ATTEMPT, attempt);
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setDeliveryDelay(delay.toMillis())
                    .send(deliveryQueue, message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue mail " + mailId + " for delivery", e);
        }
    }
}
