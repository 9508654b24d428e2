package org.signet.intake;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.platform.BrokerStatus;

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

    /**
     * Jobs with up to this many mails are handed to the broker before intake answers, so that a
     * broker failure is known at once (ADR 0005); larger jobs in the background, so that a client
     * never waits for a thousand sends.
     */
    public static final int PUBLISH_BEFORE_ANSWER = 20;

    /** Rows marked as sent per database transaction. */
    private static final int MARK_EVERY = 100;

    @Resource(lookup = "jms/signet/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/signet/JobsQueue")
    private Queue jobsQueue;

    @EJB private OutboxStore store;

    @EJB private BrokerStatus brokerStatus;

    /**
     * Sends the unsent rows among {@code outboxIds}.
     *
     * @return how many reached the broker; the rest wait for the sweep
     */
    public int publish(List<String> outboxIds) {
        return send(store.unsent(outboxIds), store::markSent);
    }

    /**
     * Sends rows once more whose mails were not processed in time (a message the broker lost or
     * holds in an in-doubt transaction); the pipeline skips a mail it has already dealt with.
     *
     * @return how many reached the broker
     */
    public int resend(List<OutboxMessage> rows) {
        return send(rows, store::markResent);
    }

    private int send(List<OutboxMessage> pending, Consumer<List<String>> mark) {
        if (pending.isEmpty()) {
            return 0;
        }

        int sent = 0;
        var unmarked = new ArrayList<String>();
        // TODO [Intake] a broker that blocks producers (its disk below min-disk-free) holds this
        //  send, and with it the client's request, until space is freed: Artemis' client waits
        //  for credits without a time limit. The job is stored; a bounded wait would answer 202.
        try (var context = connectionFactory.createContext()) {
            var producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (var row : pending) {
                var message = context.createTextMessage(row.getMailId());
                message.setStringProperty("signetOutboxId", row.getId());
                producer.send(jobsQueue, message);
                sent++;
                unmarked.add(row.getId());
                if (unmarked.size() == MARK_EVERY) {
                    markAndClear(unmarked, mark);
                }
            }
            brokerStatus.markUp();
        } catch (JMSRuntimeException | JMSException e) {
            LOG.log(
                    Level.WARNING,
                    "Broker unreachable: "
                            + (pending.size() - sent)
                            + " accepted mails wait in the outbox for the next sweep",
                    e);
            brokerStatus.markDown();
        } finally {
            // what reached the broker is marked even after a failure, so the sweep resends little
            markSentOrLeaveToSweep(unmarked, mark);
        }
        return sent;
    }

    /** {@link #publish} on a thread of the container's, for jobs with many mails. */
    @Asynchronous
    public void publishInBackground(List<String> outboxIds) {
        var sent = publish(outboxIds);
        LOG.log(
                Level.FINE,
                "{0} of {1} outbox messages handed to the broker in the background",
                new Object[] {sent, outboxIds.size()});
    }

    private void markSentOrLeaveToSweep(List<String> ids, Consumer<List<String>> mark) {
        try {
            markAndClear(ids, mark);
        } catch (RuntimeException e) {
            // the messages are at the broker: the sweep sends them once more, consumers skip them
            LOG.log(
                    Level.WARNING,
                    ids.size()
                            + " sent outbox messages could not be marked; the sweep resends them",
                    e);
        }
    }

    private static void markAndClear(List<String> ids, Consumer<List<String>> mark) {
        if (!ids.isEmpty()) {
            mark.accept(List.copyOf(ids));
            ids.clear();
        }
    }
}
