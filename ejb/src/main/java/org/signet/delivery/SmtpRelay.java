package org.signet.delivery;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Properties;

/**
 * Hands a finished mail to the relay configured as the Jakarta Mail session {@code
 * mail/signet/Relay} (host, port, STARTTLS and authentication are settings of server-config). The
 * bytes go out exactly as stored: signed bytes must not be rewritten.
 */
@Stateless
public class SmtpRelay {

    @Resource(lookup = "mail/signet/Relay")
    private Session relay;

    public RelayOutcome send(String envelopeFrom, List<String> recipients, byte[] mime) {
        // a session of its own for this mail: the envelope sender is a session property
        var properties = new Properties();
        properties.putAll(relay.getProperties());
        properties.put("mail.smtp.from", envelopeFrom);
        var session = Session.getInstance(properties);

        try (var transport = session.getTransport("smtp")) {
            connect(transport, properties);
            transport.sendMessage(new StoredMessage(session, mime), addresses(recipients));
            return RelayOutcome.accepted("accepted by " + relayName(properties));
        } catch (MessagingException e) {
            return SmtpReplies.classify(e);
        }
    }

    /** Where mails go, for log lines and events: {@code host:port}. */
    public String relayName() {
        return relayName(relay.getProperties());
    }

    private static void connect(jakarta.mail.Transport transport, Properties properties)
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
