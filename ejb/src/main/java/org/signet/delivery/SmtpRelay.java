package org.signet.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a finished mail to the relay configured as the Jakarta Mail session {@code
 * mail/signet/Relay} (host, port, STARTTLS and authentication are settings of server-config). The
 * bytes go out exactly as stored: signed bytes must not be rewritten.
 *
 * <p>Each bean instance keeps its connection to the relay open for the next mail of the same
 * envelope sender (the container gives an instance to one thread at a time), so that a burst pays
 * the TCP, greeting, STARTTLS and AUTH round trips once per connection instead of once per mail. A
 * connection idle for more than {@link #IDLE_CHECK_AFTER} is checked with NOOP before it is used,
 * one that failed is never used again, and each carries at most {@link #MAILS_PER_CONNECTION}
 * mails.
 */
@Stateless
public class SmtpRelay {

    private static final Logger LOG = Logger.getLogger(SmtpRelay.class.getName());

    static final Duration IDLE_CHECK_AFTER = Duration.ofSeconds(10);
    static final int MAILS_PER_CONNECTION = 100;

    /**
     * Sessions by envelope sender, which is a session property: making a Session costs a scan for
     * Jakarta Mail's providers. Bounded; emptied when full.
     */
    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

    private static final int MAX_SESSIONS = 1_000;

    @Resource(lookup = "mail/signet/Relay")
    private Session relay;

    private Transport open;
    private String openFor;
    private long lastUsedNanos;
    private int mailsOnConnection;

    public RelayOutcome send(String envelopeFrom, List<String> recipients, byte[] mime) {
        var session = sessionFor(envelopeFrom);
        try {
            var transport = connection(session, envelopeFrom);
            transport.sendMessage(new StoredMessage(session, mime), addresses(recipients));
            lastUsedNanos = System.nanoTime();
            mailsOnConnection++;
            if (mailsOnConnection >= MAILS_PER_CONNECTION) {
                closeConnection();
            }
            return RelayOutcome.accepted("accepted by " + relayName(session.getProperties()));
        } catch (MessagingException e) {
            // whatever state the conversation is in, the next mail starts on a new connection
            closeConnection();
            return SmtpReplies.classify(e);
        }
    }

    private Session sessionFor(String envelopeFrom) {
        var session = SESSIONS.get(envelopeFrom);
        if (session == null) {
            var properties = new Properties();
            properties.putAll(relay.getProperties());
            properties.put("mail.smtp.from", envelopeFrom);
            session = Session.getInstance(properties);
            if (SESSIONS.size() >= MAX_SESSIONS) {
                SESSIONS.clear();
            }
            SESSIONS.put(envelopeFrom, session);
        }
        return session;
    }

    private Transport connection(Session session, String envelopeFrom) throws MessagingException {
        if (open != null && !envelopeFrom.equals(openFor)) {
            closeConnection();
        }
        if (open != null
                && System.nanoTime() - lastUsedNanos > IDLE_CHECK_AFTER.toNanos()
                && !open.isConnected()) {
            closeConnection();
        }
        if (open == null) {
            var transport = session.getTransport("smtp");
            connect(transport, session.getProperties());
            open = transport;
            openFor = envelopeFrom;
            mailsOnConnection = 0;
        }
        return open;
    }

    @PreDestroy
    void closeConnection() {
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Closing the relay connection failed", e);
            }
            open = null;
            openFor = null;
        }
    }

    /** Where mails go, for log lines and events: {@code host:port}. */
    public String relayName() {
        return relayName(relay.getProperties());
    }

    private static void connect(Transport transport, Properties properties)
            throws MessagingException {
        var user = first(properties, "mail.smtp.user", "mail.user");
        if (Boolean.parseBoolean(properties.getProperty("mail.smtp.auth")) && user != null) {
            transport.connect(
                    properties.getProperty("mail.smtp.host", properties.getProperty("mail.host")),
                    Integer.parseInt(properties.getProperty("mail.smtp.port", "25")),
                    user,
                    first(properties, "mail.smtp.password", "mail.password"));
        } else {
            transport.connect();
        }
    }

    private static String first(Properties properties, String... names) {
        for (var name : names) {
            var value = properties.getProperty(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String relayName(Properties properties) {
        return properties.getProperty("mail.smtp.host", properties.getProperty("mail.host"))
                + ":"
                + properties.getProperty("mail.smtp.port", "25");
    }

    private static Address[] addresses(List<String> recipients) throws AddressException {
        var addresses = new Address[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(recipients.get(i), true);
        }
        return addresses;
    }

    /**
     * A message that writes its stored bytes unchanged. Parsed as well, because the transport reads
     * a few headers; writing never re-encodes or re-signs anything.
     */
    private static final class StoredMessage extends MimeMessage {
        private final byte[] bytes;

        StoredMessage(Session session, byte[] bytes) throws MessagingException {
            super(session, new ByteArrayInputStream(bytes));
            this.bytes = bytes;
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            out.write(bytes);
        }
    }
}
