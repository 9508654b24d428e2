package org.signet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-', 0, -1, -128, 10, 13};

    private static final String FULL =
            """
            {"subject": {"content": "Gr=C3=BC=C3=9Fe aus K=C3=B6ln", "charset": "UTF-8",
                         "contentEncoding": "quoted-printable"},
             "body": {"contentType": "text/html", "content": "%s",
                      "contentEncoding": "base64", "charset": "ISO-8859-1"},
             "alternative": {"contentType": "text/plain", "content": "Gr\u00fc\u00dfe",
                             "contentTransferEncoding": "base64"},
             "attachments": [{"name": "Bericht \u00fcber 2026.pdf",
                              "contentType": "application/pdf", "content": "%s"}],
             "recipients": [
               {"mail": {"to": [{"email": "Alice<alice@example.com>"}],
                         "cc": [{"email": "J\u00f6rg <carol@example.com>"}],
                         "bcc": [{"email": "bob@example.com"}],
                         "replyTo": {"email": "help@example.com"},
                         "inReplyTo": "<earlier@example.com>",
                         "priority": "high",
                         "listUnsubscribe": "https://example.com/u?a=1",
                         "xHeaders": {"X-Customer": "4711", "x-shop": "outlet"}}},
               {"mail": {"to": [{"email": "dave@example.com"}]}}],
             "mail": {"from": {"email": "bounces@example.com"},
                      "mimeFrom": {"email": "Shop <shop@example.com>"},
                      "replyTo": {"email": "reply@example.com"},
                      "priority": "LOW", "xHeaders": {"X-Shop": "main"}}}
            """
                    .formatted(
                            Base64.getEncoder()
                                    .encodeToString(
                                            "<b>Gr\u00fc\u00dfe</b>"
                                                    .getBytes(StandardCharsets.ISO_8859_1)),
                            Base64.getEncoder().encodeToString(PDF));

    private final MailComposer composer = new MailComposer();

    @Test
    void fullRequestBecomesOneCompleteMailPerRecipientEntry() throws Exception {
        var request = JobRequests.of(FULL);

        var mail = reparse(composer.compose(request, 0, "<m1@signet>", Instant.EPOCH));

        assertThat(mail.getFrom()).containsExactly(new InternetAddress("shop@example.com"));
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Shop");
        assertThat(mail.getRecipients(RecipientType.TO))
                .containsExactly(new InternetAddress("alice@example.com"));
        assertThat(((InternetAddress) mail.getRecipients(RecipientType.CC)[0]).getPersonal())
                .isEqualTo("J\u00f6rg");
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getReplyTo()).containsExactly(new InternetAddress("help@example.com"));
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<earlier@example.com>");
        assertThat(mail.getHeader("X-Priority", null)).startsWith("1");
        assertThat(mail.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://example.com/u?a=1>");
        assertThat(mail.getHeader("X-Customer", null)).isEqualTo("4711");
        assertThat(mail.getHeader("X-Shop")).containsExactly("outlet");
        assertThat(mail.getMessageID()).isEqualTo("<m1@signet>");
        assertThat(mail.getSubject()).isEqualTo("Gr\u00fc\u00dfe aus K\u00f6ln");
    }

    @Test
    void textsBecomeAlternativesWithPlainFirstAndAttachmentsFollow() throws Exception {
        var mail = reparse(composer.compose(JobRequests.of(FULL), 0, "<m1@signet>", Instant.now()));

        var mixed = (MimeMultipart) mail.getContent();
        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        var alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        var plain = alternative.getBodyPart(0);
        var html = alternative.getBodyPart(1);
        assertThat(plain.getContentType()).startsWith("text/plain");
        assertThat(plain.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(plain.getContent()).isEqualTo("Gr\u00fc\u00dfe");
        assertThat(html.getContentType())
                .startsWith("text/html")
                .containsIgnoringCase("iso-8859-1");
        assertThat(html.getContent()).isEqualTo("<b>Gr\u00fc\u00dfe</b>");

        var attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("Bericht \u00fcber 2026.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(PDF);
    }

    @Test
    void everyMailIsSevenBitWithShortLines() throws Exception {
        var bytes = bytes(composer.compose(JobRequests.of(FULL), 0, "<m1@signet>", Instant.now()));

        for (byte b : bytes) {
            assertThat(b & 0xff).isLessThan(128);
        }
        for (var line : new String(bytes, StandardCharsets.US_ASCII).split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(998);
        }
    }

    @Test
    void eachRecipientEntryHasOnlyItsOwnAddressesAndTheJobsDefaults() throws Exception {
        var request = JobRequests.of(FULL);

        var second = reparse(composer.compose(request, 1, "<m2@signet>", Instant.now()));

        assertThat(second.getRecipients(RecipientType.TO))
                .containsExactly(new InternetAddress("dave@example.com"));
        assertThat(second.getRecipients(RecipientType.CC)).isNull();
        assertThat(second.getReplyTo()).containsExactly(new InternetAddress("reply@example.com"));
        assertThat(second.getHeader("X-Priority", null)).startsWith("5");
        assertThat(second.getHeader("X-Shop", null)).isEqualTo("main");
        assertThat(second.getHeader("X-Customer")).isNull();
        assertThat(composer.envelopeRecipients(request, 0))
                .extracting(InternetAddress::getAddress)
                .containsExactly("alice@example.com", "carol@example.com", "bob@example.com");
    }

    @Test
    void largestMailSizeIsTheSizeOfTheLargestComposedMail() throws Exception {
        var request = JobRequests.of(FULL);
        var written = bytes(composer.compose(request, 0, "<size@signet>", Instant.EPOCH)).length;

        var estimated = composer.largestMailSize(request);

        // the MIME boundaries differ between two writes; they are of equal length
        assertThat(estimated).isBetween(written - 100L, written + 100L);
    }

    @Test
    void bodyWithoutAnythingElseIsASingleTextPart() throws Exception {
        var mail =
                reparse(
                        composer.compose(
                                JobRequests.of(JobRequests.MINIMAL), 0, "<m@s>", Instant.now()));

        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(mail.getContent()).isEqualTo("Hi.");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("sender@example.com"));
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static MimeMessage reparse(MimeMessage message) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(message)));
    }
}
