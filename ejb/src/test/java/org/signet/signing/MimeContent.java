package org.signet.signing;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a signed entity back: its decoded texts and attachments, as a recipient would. */
final class MimeContent {

    private final MimeBodyPart entity;

    private MimeContent(MimeBodyPart entity) {
        this.entity = entity;
    }

    static MimeContent parse(byte[] entity) {
        try {
            return new MimeContent(new MimeBodyPart(new ByteArrayInputStream(entity)));
        } catch (MessagingException e) {
            throw new IllegalStateException("Not a MIME entity", e);
        }
    }

    /** All text/* leaves, decoded, line breaks as LF. */
    List<String> texts() throws MessagingException, IOException {
        var texts = new ArrayList<String>();
        collectTexts(entity, texts);
        return texts;
    }

    /** The decoded bytes of the part with this file name. */
    Optional<byte[]> attachment(String fileName) throws MessagingException, IOException {
        return findAttachment(entity, fileName);
    }

    private static void collectTexts(Part part, List<String> texts)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectTexts(multipart.getBodyPart(i), texts);
            }
        } else if (part.isMimeType("text/*")) {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            try (InputStream in = part.getInputStream()) {
                String text = new String(in.readAllBytes(), charset == null ? "US-ASCII" : charset);
                texts.add(text.replace("\r\n", "\n"));
            }
        }
    }

    private static Optional<byte[]> findAttachment(Part part, String fileName)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                var found = findAttachment(multipart.getBodyPart(i), fileName);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (fileName.equals(part.getFileName())) {
            try (InputStream in = part.getInputStream()) {
                return Optional.of(in.readAllBytes());
            }
        }
        return Optional.empty();
    }
}
