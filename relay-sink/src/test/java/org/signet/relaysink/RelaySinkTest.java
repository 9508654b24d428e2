package org.signet.relaysink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real SMTP client (Jakarta Mail). */
class RelaySinkTest {

    private static final String MAIL =
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: kept\r\n\r\n"
                    + ".a line that starts with a dot\r\nlast line\r\n";

    @TempDir Path folder;

    private RelaySink sink;

    @BeforeEach
    void start() {
        sink = new RelaySink(0, folder, 1024 * 1024);
        sink.start();
    }

    @AfterEach
    void stop() {
        sink.stop();
    }

    @Test
    void acceptedMailIsKeptByteForByteWithItsEnvelope() throws Exception {
        send("sender@example.com", MAIL, "b@example.com", "c@example.org");

        var eml = only(".eml");
        assertThat(Files.readString(eml, StandardCharsets.US_ASCII)).isEqualTo(MAIL);
        var envelope =
                eml.resolveSibling(eml.getFileName().toString().replace(".eml", ".envelope"));
        assertThat(Files.readString(envelope))
                .isEqualTo(
                        "MAIL FROM:<sender@example.com>\nRCPT TO:<b@example.com>\n"
                                + "RCPT TO:<c@example.org>\n");
    }

    @Test
    void bounceRecipientIsRefusedPermanently() {
        assertThatThrownBy(() -> send("s@example.com", MAIL, "Bounce@example.com"))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(returnCode(e)).isEqualTo(550));
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void deferRecipientIsRefusedTemporarily() {
        assertThatThrownBy(() -> send("s@example.com", MAIL, "defer@example.com"))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(returnCode(e)).isEqualTo(451));
        assertThat(folder).isEmptyDirectory();
    }

    private void send(String from, String mail, String... recipients) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(sink.port()));
        properties.put("mail.smtp.from", from);
        var session = Session.getInstance(properties);
        var message = new Raw(session, mail.getBytes(StandardCharsets.US_ASCII));
        var to = new Address[recipients.length];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(recipients[i]);
        }
        try (var transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, to);
        }
    }

    private Path only(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            var found = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static int returnCode(Throwable e) {
        for (Exception next = (Exception) e; next != null; ) {
            if (next instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return -1;
    }

    /** Writes its bytes exactly, as Signet's delivery does. */
    private static final class Raw extends MimeMessage {
        private final byte[] bytes;

        Raw(Session session, byte[] bytes) throws MessagingException {
            super(session, new ByteArrayInputStream(bytes));
            this.bytes = bytes;
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            out.write(bytes);
        }
    }
}
