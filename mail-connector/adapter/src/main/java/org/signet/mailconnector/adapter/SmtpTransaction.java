package org.signet.mailconnector.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.mailconnector.InboundMessage;
import org.signet.mailconnector.SmtpReply;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One mail transaction of an authenticated session: MAIL FROM, RCPT TO, then DATA, read within the
 * limits and handed to the listener bean, whose reply the client gets.
 */
final class SmtpTransaction implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(SmtpTransaction.class.getName());

    private final MessageContext context;
    private final ListenerEndpoint listener;
    private final DataLimits limits;
    private String from;
    private final List<String> recipients = new ArrayList<>();

    SmtpTransaction(MessageContext context, ListenerEndpoint listener, DataLimits limits) {
        this.context = context;
        this.listener = listener;
        this.limits = limits;
    }

    @Override
    public void from(String from) throws RejectException {
        if (from == null || from.isBlank()) {
            // the null reverse-path is for bounces (RFC 5321 4.5.5), which Signet does not take in
            throw new RejectException(550, "5.1.7 A sender address is required");
        }
        this.from = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (recipient.indexOf('@') < 1 || recipient.endsWith("@")) {
            throw new RejectException(553, "5.1.3 Not a valid recipient address: " + recipient);
        }
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] content;
        try {
            content = limits.read(data);
        } catch (DataLimits.LimitExceededException e) {
            LOG.log(
                    Level.INFO,
                    "SMTP message from <{0}> ({1}) refused: {2}",
                    new Object[] {from, context.getSessionId(), e.getMessage()});
            if (!e.drained) {
                throw new DropConnectionException(e.exceeded.code, e.getMessage());
            }
            throw new RejectException(e.exceeded.code, e.getMessage());
        }

        var message =
                new InboundMessage(
                        identity(),
                        from,
                        recipients,
                        content,
                        context.getSessionId(),
                        String.valueOf(context.getRemoteAddress()));
        SmtpReply reply;
        try {
            reply = listener.call(bean -> bean.accept(message));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "SMTP message from <" + from + "> could not be taken in; the client retries",
                    e);
            throw new RejectException(451, "4.3.0 Temporary failure, try again later");
        }
        if (!reply.isPositive()) {
            throw new RejectException(reply.code(), reply.text());
        }
        return reply.text();
    }

    @Override
    public void done() {
        // nothing held between transactions
    }

    private String identity() throws RejectException {
        var identity =
                context.getAuthenticationHandler()
                        .map(handler -> handler.getIdentity())
                        .map(String::valueOf)
                        .orElse(null);
        if (identity == null) {
            throw new RejectException(530, "5.7.0 Authentication required");
        }
        return identity;
    }
}
