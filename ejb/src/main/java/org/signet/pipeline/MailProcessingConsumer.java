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
 * Walks one mail of the jobs queue through processing, in the message's transaction: if anything
 * fails the transaction rolls back and the broker redelivers, up to its limit, then dead-letters;
 * {@link DeadLetterConsumer} then ends the mail as PROCESSING_FAILED. Bound to its queue in
 * glassfish-ejb-jar.xml.
 */
@MessageDriven
public class MailProcessingConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MailProcessingConsumer.class.getName());

    @PersistenceContext private EntityManager em;

    @EJB private MailProcessing processing;

    @Override
    public void onMessage(Message message) {
        var mailId = PipelineMessages.mailId(message);
        var mail = em.find(Mail.class, mailId);
        if (mail == null) {
            LOG.log(Level.WARNING, "Message for unknown mail {0} discarded", mailId);
            return;
        }

        processing.process(mail);
    }
}
