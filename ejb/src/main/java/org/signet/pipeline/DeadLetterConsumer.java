package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.platform.Settings;

/**
 * Ends the mail of every pipeline message that the broker dead-lettered after its redelivery limit:
 * the mail gets PROCESSING_FAILED, never silence. This runs after the failed transaction has rolled
 * back, so it never waits for a lock that transaction held. Bound to the dead-letter queue in
 * glassfish-ejb-jar.xml.
 */
@MessageDriven
public class DeadLetterConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class.getName());

    @EJB private GivenUpMails givenUp;

    @Override
    public void onMessage(Message message) {
        var origin = origin(message);
        if (!(message instanceof TextMessage)) {
            // a push notification that kept failing in Signet itself: its event stays PENDING
            LOG.log(Level.SEVERE, "Dead-lettered message from {0} dropped: not a mail", origin);
            return;
        }
        var mailId = PipelineMessages.mailId(message);
        var attempts =
                Settings.integer(
                        Settings.PIPELINE_DELIVERY_LIMIT, PipelineMessages.DEFAULT_DELIVERY_LIMIT);
        givenUp.giveUp(mailId, attempts, origin);
    }

    private static String origin(Message message) {
        try {
            var address = message.getStringProperty("_AMQ_ORIG_ADDRESS");
            return address == null ? "an unknown queue" : address;
        } catch (JMSException e) {
            return "an unknown queue";
        }
    }
}
