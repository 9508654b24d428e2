package org.signet.bench;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Properties;
import java.util.Random;

/**
 * The mails the benchmarks sign, as MIME bytes: a 10 KB invoice mail (text and HTML alternatives),
 * and larger mails that add attachments of random bytes (so that nothing compresses them) until the
 * MIME reaches the asked size.
 */
public final class BenchMails {

    static final Session SESSION = Session.getInstance(new Properties());

    private BenchMails() {}

    /** MIME of about {@code bytes} octets; below 64 KiB without attachments. */
    public static byte[] ofSize(int bytes, int attachments) {
        try {
            var message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(BenchKeys.SENDER));
            message.setRecipient(RecipientType.TO, new InternetAddress("reader@example.org"));
            message.setSubject("Your invoice 4711", "UTF-8");
            message.setSentDate(new Date(1_796_000_000_000L));

            var paragraph =
                    "Thank you for your order. Your invoice 4711 is attached; Grüße aus Köln.\n";
            var text = new MimeBodyPart();
            text.setText(paragraph.repeat(64), "UTF-8");
            var html = new MimeBodyPart();
            html.setText("<p>" + paragraph.repeat(64) + "</p>", "UTF-8", "html");
            var alternative = new MimeMultipart("alternative", text, html);

            if (attachments == 0) {
                message.setContent(alternative);
            } else {
                var mixed = new MimeMultipart("mixed");
                var body = new MimeBodyPart();
                body.setContent(alternative);
                mixed.addBodyPart(body);
                // base64 grows 3 octets to 4 and adds a CRLF every 76 characters
                long binary = (long) (bytes - 12_000) * 3 * 76 / (4 * 78);
                var random = new Random(4711);
                for (int i = 0; i < attachments; i++) {
                    var content = new byte[(int) (binary / attachments)];
                    random.nextBytes(content);
                    var part = new MimeBodyPart();
                    part.setDataHandler(
                            new DataHandler(new ByteArrayDataSource(content, "application/pdf")));
                    part.setFileName("invoice-4711-" + (i + 1) + ".pdf");
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            var out = new ByteArrayOutputStream(bytes + 4096);
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot compose a benchmark mail", e);
        }
    }

    /** The message as the pipeline holds it: parsed from its stored bytes. */
    public static MimeMessage parse(byte[] mime) {
        try {
            return new MimeMessage(SESSION, new SharedByteArrayInputStream(mime));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot parse a benchmark mail", e);
        }
    }
}
