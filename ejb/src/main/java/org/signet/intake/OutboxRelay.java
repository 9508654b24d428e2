package org.signet.intake;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands committed outbox rows to the broker. Runs outside any transaction on purpose: the job is
 * already durable, a send either reaches the broker or leaves the row for the sweep, and a row that
 * was sent but not marked is sent again, which consumers tolerate.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    /** Message property naming the job, for operators browsing a queue. */
    public static final String JOB_ID_PROPERTY = "signetJobId";

    @Resource(lookup = "jms/signet/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/signet/JobsQueue")
    private Queue jobsQueue;

    @EJB private OutboxStore store;

    /**
     * Sends the unsent rows among {@code outboxIds}.
     *
     * @return how many reached the broker; the rest wait for the sweep
     */
    public int publish(List<String> outboxIds) {
        var pending = store.unsent(outboxIds);
        if (pending.isEmpty()) {
            return 0;
        }

        int sent = 0;
        try (var context = connectionFactory.createContext()) {
            var producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (var row : pending) {
                var message = context.createTextMessage(row.getMailId());
                message.setStringProperty("signetOutboxId", row.getId());
                producer.send(jobsQueue, message);
                store.markSent(row.getId());
                sent++;
            }
        } catch (JMSRuntimeException | JMSException e) {
            LOG.log(
                    Level.WARNING,
                    "Broker unreachable: "
                            + (pending.size() - sent)
                            + " accepted mails wait in the outbox for the next sweep",
                    e);
        }
        return sent;
    }
}
