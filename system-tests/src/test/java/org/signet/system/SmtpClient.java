package org.signet.system;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail as an application that sends over the SMTP adapter would use it: STARTTLS required
 * (trusting the test runtime's self-signed adapter certificate, host name checked), then AUTH.
 */
final class SmtpClient {

    static final String HOST = "localhost";
    static final int PORT = Integer.getInteger("signet.smtp.port");
    static final Path SECRETS = Path.of(System.getProperty("signet.home"), "secrets");

    private SmtpClient() {}

    /**
     * Sends the message as its bytes stand (MAIL FROM {@code from}, RCPT TO each recipient) and
     * answers the server's reply to the end of DATA.
     *
     * @throws MessagingException with the server's reply when a step is refused
     */
    static String send(SignetClient.Account account, String from, byte[] message, String... to)
            throws MessagingException {
        var session = session(from);
        var mime = new MimeMessage(session, new ByteArrayInputStream(message));
        var recipients = new Address[to.length];
        for (int i = 0; i < to.length; i++) {
            recipients[i] = new InternetAddress(to[i]);
        }
        try (var transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect(HOST, PORT, account.id(), account.password());
            transport.sendMessage(mime, recipients);
            return transport.getLastServerResponse();
        }
    }

    /** The job id in the adapter's {@code 250 2.0.0 Queued as job <id>}, as any client shows it. */
    static String jobIdOf(String reply) {
        return reply.replaceFirst("(?s)^.*Queued as job (\\S+).*$", "$1");
    }

    /** Waits for the adapter's port: it opens when the listener bean is activated at deployment. */
    static void awaitListening() {
        Poll.until(
                Duration.ofSeconds(60),
                "the SMTP adapter to listen on port " + PORT,
                () -> {
                    try (var socket = new Socket(HOST, PORT)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    static Session session(String from) {
        var properties = new Properties();
        properties.put("mail.smtp.from", from);
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.ssl.socketFactory", trust().getSocketFactory());
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "60000");
        return Session.getInstance(properties);
    }

    /** Trusts exactly the certificate that the start command generated for the adapter. */
    static SSLContext trust() {
        try {
            var password = Files.readString(SECRETS.resolve("smtp-tls.password")).strip();
            var store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(SECRETS.resolve("smtp-tls.p12"))) {
                store.load(in, password.toCharArray());
            }
            var managers = TrustManagerFactory.getInstance("PKIX");
            managers.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the SMTP adapter's key store", e);
        }
    }
}
