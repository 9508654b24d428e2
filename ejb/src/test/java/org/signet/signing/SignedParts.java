package org.signet.signing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * The two parts of a multipart/signed message, cut out of its bytes independently of the signer:
 * the signed entity exactly as it is in the message, and the decoded CMS signature.
 */
record SignedParts(ContentType contentType, byte[] signedEntity, byte[] signature) {

    static SignedParts of(byte[] message) {
        try {
            var parsed =
                    new MimeMessage(
                            Session.getInstance(new Properties()),
                            new ByteArrayInputStream(message));
            var contentType = new ContentType(parsed.getContentType());
            byte[] delimiter =
                    ("\r\n--" + contentType.getParameter("boundary"))
                            .getBytes(StandardCharsets.US_ASCII);

            int first = indexOf(message, delimiter, 0);
            int entityStart = first + delimiter.length + 2;
            int second = indexOf(message, delimiter, entityStart);
            int third = indexOf(message, delimiter, second + delimiter.length);
            byte[] entity = Arrays.copyOfRange(message, entityStart, second);
            byte[] signaturePart =
                    Arrays.copyOfRange(message, second + delimiter.length + 2, third);

            var signature = new MimeBodyPart(new ByteArrayInputStream(signaturePart));
            try (var in = signature.getInputStream()) {
                return new SignedParts(contentType, entity, in.readAllBytes());
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Not a multipart/signed message", e);
        }
    }

    /**
     * Position of {@code pattern}; a boundary at the very start of the body is found too because
     * the header block ends with CRLF CRLF.
     */
    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("Boundary not found");
    }
}
