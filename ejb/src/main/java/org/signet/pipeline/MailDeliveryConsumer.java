package org.signet.pipeline;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.job.Mail;

/**
 * One delivery attempt per message of the delivery queue, in the message's transaction. The relay
 * answering 4xx or 5xx is an outcome, recorded and committed; only a failure of Signet itself rolls
 * back, and after the broker's limit the mail ends as PROCESSING_FAILED. Bound to its queue in
 * glassfish-ejb-jar.xml.
 */
@MessageDriven
public class MailDeliveryConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MailDeliveryConsumer.class.getName());

    @PersistenceContext private EntityManager em;

    @EJB private MailDelivery delivery;

    @Override
    public void onMessage(Message message) {
        var mailId = PipelineMessages.mailId(message);
        var attempt = PipelineMessages.intProperty(message, DeliveryQueue.ATTEMPT, 1);
        var mail = em.find(Mail.class, mailId);
        if (mail == null) {
            LOG.log(Level.WARNING, "Delivery of unknown mail {0} discarded", mailId);
            return;
        }

        delivery.deliver(mail, attempt);
    }
}
