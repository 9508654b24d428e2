package org.signet.signing;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Random;

/**
 * Mails as customers send them, each composed anew on every call. Every body starts with the ASCII
 * word {@value #MARKER}, which the tamper tests change in the signed bytes.
 */
enum SampleMail {
    PLAIN_TEXT("plain text mail") {
        @Override
        void compose(MimeMessage message) throws MessagingException {
            message.setText(MARKER + " 4711 is ready.\r\nThank you for your order.\r\n", "UTF-8");
        }
    },
    HTML("HTML mail") {
        @Override
        void compose(MimeMessage message) throws MessagingException {
            message.setText(html(), "UTF-8", "html");
        }
    },
    ALTERNATIVE("multipart/alternative mail") {
        @Override
        void compose(MimeMessage message) throws MessagingException {
            var text = new MimeBodyPart();
            text.setText(MARKER + " 4711 is ready.\nThank you for your order.\n", "UTF-8");
            var html = new MimeBodyPart();
            html.setText(html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
    },
    ATTACHMENTS("mail with a binary and a text attachment") {
        @Override
        void compose(MimeMessage message) throws MessagingException {
            var text = new MimeBodyPart();
            text.setText(MARKER + " 4711 and its data are attached.\n", "UTF-8");

            var binary = new MimeBodyPart();
            binary.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(BINARY, "application/octet-stream")));
            binary.setFileName("data.bin");

            var csv = new MimeBodyPart();
            csv.setDataHandler(
                    new DataHandler(
                            new ByteArrayDataSource(
                                    CSV.getBytes(StandardCharsets.UTF_8),
                                    "text/csv; charset=UTF-8")));
            csv.setFileName("positions.csv");

            message.setContent(new MimeMultipart(text, binary, csv));
        }
    },
    NON_ASCII("mail with a non-ASCII subject and body") {
        @Override
        void compose(MimeMessage message) throws MessagingException {
            message.setSubject(GREETING, "UTF-8");
            message.setText(MARKER + " 4711: " + GREETING + "\nSchöne Grüße, Ihr Team\n", "UTF-8");
        }
    },
    LONG_LINES_BARE_LF("mail with long lines and bare LF line endings") {
        @Override
        void compose(MimeMessage message) throws MessagingException {
            message.setText(
                    MARKER + " 4711\n" + LONG_LINE + "\nend of the long line\n\nbye\n", "UTF-8");
        }
    },
    RAW_8BIT_BARE_LF("raw 8bit mail with bare LF, as an SMTP client sends it") {
        @Override
        MimeMessage compose(Session session) throws MessagingException {
            String raw =
                    String.join(
                            "\n",
                            "From: Billing <billing@shop.example>",
                            "To: customer@example.org",
                            "Subject: Invoice",
                            "Message-ID: " + MESSAGE_ID,
                            "MIME-Version: 1.0",
                            "Content-Type: text/plain; charset=UTF-8",
                            "Content-Transfer-Encoding: 8bit",
                            "",
                            MARKER + " 4711: " + GREETING,
                            LONG_LINE,
                            "");
            return new MimeMessage(
                    session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        void compose(MimeMessage message) {}
    };

    static final String MARKER = "Invoice";
    static final String MESSAGE_ID = "<job-4711.mail-1@signet.invalid>";
    static final String GREETING = "Grüße aus Köln – ☃";
    static final String LONG_LINE = "long line ".repeat(200) + "ends here";
    static final byte[] BINARY = randomBytes();
    static final String CSV = "position;amount\n1;12.50 €\n2;3.99 €\n";

    private final String description;

    SampleMail(String description) {
        this.description = description;
    }

    /** A new message with the usual outer headers and this sample's content. */
    MimeMessage compose(Session session) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(new InternetAddress("billing@shop.example", false));
        message.setRecipients(RecipientType.TO, "customer@example.org");
        message.setRecipients(RecipientType.CC, "accounts@example.org");
        message.setReplyTo(InternetAddress.parse("support@shop.example"));
        message.setSubject("Your invoice 4711");
        message.setSentDate(new Date(1_700_000_000_000L));
        message.setHeader("Message-ID", MESSAGE_ID);
        message.setHeader("X-Signet-Job", "4711");
        compose(message);
        return message;
    }

    abstract void compose(MimeMessage message) throws MessagingException;

    /** Texts the verified content must contain, line breaks as LF. */
    List<String> expectedTexts() {
        return switch (this) {
            case PLAIN_TEXT -> List.of(MARKER + " 4711 is ready.\nThank you for your order.\n");
            case HTML, ALTERNATIVE -> List.of("<p>" + GREETING + "</p>", MARKER + " 4711");
            case ATTACHMENTS -> List.of(MARKER + " 4711 and its data", CSV);
            case NON_ASCII -> List.of(GREETING + "\nSchöne Grüße");
            case LONG_LINES_BARE_LF -> List.of(LONG_LINE + "\nend of the long line\n\nbye");
            case RAW_8BIT_BARE_LF -> List.of(GREETING + "\n" + LONG_LINE);
        };
    }

    @Override
    public String toString() {
        return description;
    }

    private static String html() {
        return "<!DOCTYPE html>\n<html><body>\n<h1>"
                + MARKER
                + " 4711</h1>\n<p>"
                + GREETING
                + "</p>\n</body></html>\n";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8192];
        new Random(4711).nextBytes(bytes);
        return bytes;
    }
}
