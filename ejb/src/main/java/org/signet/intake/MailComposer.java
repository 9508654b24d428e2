package org.signet.intake;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.signet.intake.JobRequest.Body;
import org.signet.intake.JobRequest.Recipient;

/**
 * Builds the MIME message of one mail from a validated JobRequest: the recipient entry at {@code
 * position} gives To, Cc and its own headers, the rest is shared by every mail of the job. Bcc
 * addresses are envelope recipients only and never appear in a header.
 *
 * <p>Text is left for Jakarta Mail to encode as 7-bit (quoted-printable or base64) unless the
 * request names a transfer encoding: an 8-bit part re-encoded by a relay would break a signature.
 */
public final class MailComposer {

    private final Session session = Session.getInstance(new Properties());

    /** The complete message of one mail, with the Message-ID fixed at intake. */
    public MimeMessage compose(JobRequest request, int position, String messageId, Instant date)
            throws MessagingException {
        var message = new FixedIdMessage(session);
        writeHeaders(message, request, request.recipients().get(position), messageId, date);
        writeContent(message, request);
        message.saveChanges();
        return message;
    }

    /** Every address the relay must deliver this mail to: To, Cc and Bcc, in that order. */
    public List<InternetAddress> envelopeRecipients(JobRequest request, int position)
            throws MessagingException {
        var mail = request.recipients().get(position).mail();
        var all = new ArrayList<InternetAddress>();
        for (var list : List.of(mail.to(), mail.ccOrEmpty(), mail.bccOrEmpty())) {
            for (var address : list) {
                all.add(address(address));
            }
        }
        return all;
    }

    /**
     * The size in bytes of the largest mail of the job as it will be sent (before signing), from
     * one write of the shared content and the headers of each recipient entry.
     */
    public long largestMailSize(JobRequest request) throws MessagingException {
        var contentOnly = new MimeMessage(session);
        writeContent(contentOnly, request);
        contentOnly.saveChanges();
        // keep the content and its MIME headers; the rest is what the recipient headers replace
        long content =
                writtenSize(contentOnly)
                        - lineBytes(contentOnly.getNonMatchingHeaderLines(CONTENT_HEADERS));

        long largestHeaders = 0;
        for (var recipient : request.recipients()) {
            var headersOnly = new FixedIdMessage(session);
            writeHeaders(headersOnly, request, recipient, "<size@signet>", Instant.EPOCH);
            largestHeaders = Math.max(largestHeaders, lineBytes(headersOnly.getAllHeaderLines()));
        }
        return content + largestHeaders;
    }

    private static final String[] CONTENT_HEADERS = {
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding"
    };

    private static long lineBytes(java.util.Enumeration<String> lines) {
        long bytes = 0;
        while (lines.hasMoreElements()) {
            bytes += lines.nextElement().length() + 2;
        }
        return bytes;
    }

    private void writeHeaders(
            MimeMessage message,
            JobRequest request,
            Recipient recipient,
            String messageId,
            Instant date)
            throws MessagingException {
        var shared = request.mail();
        var own = recipient.mail();

        message.setFrom(address(shared.mimeFrom() != null ? shared.mimeFrom() : shared.from()));
        message.setRecipients(MimeMessage.RecipientType.TO, addresses(own.to()));
        if (!own.ccOrEmpty().isEmpty()) {
            message.setRecipients(MimeMessage.RecipientType.CC, addresses(own.ccOrEmpty()));
        }
        var replyTo = own.replyTo() != null ? own.replyTo() : shared.replyTo();
        if (replyTo != null) {
            message.setReplyTo(new Address[] {address(replyTo)});
        }
        var inReplyTo = own.inReplyTo() != null ? own.inReplyTo() : shared.inReplyTo();
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        message.setHeader("Subject", subject(request.subject()));
        message.setSentDate(Date.from(date));
        message.setHeader("Message-ID", messageId);

        var priority = Priority.of(own.priority() != null ? own.priority() : shared.priority());
        if (priority != null) {
            message.setHeader("X-Priority", priority.xPriority());
            message.setHeader("Importance", priority.importance());
        }
        if (own.listUnsubscribe() != null) {
            message.setHeader("List-Unsubscribe", angleBracketed(own.listUnsubscribe()));
        }

        // the recipient entry's own value wins over the job's for the same header name
        var extra = new LinkedHashMap<String, String>();
        if (shared.xHeaders() != null) {
            shared.xHeaders().forEach((name, value) -> extra.put(canonical(name), value));
        }
        if (own.xHeaders() != null) {
            own.xHeaders().forEach((name, value) -> extra.put(canonical(name), value));
        }
        for (var header : extra.entrySet()) {
            message.setHeader(header.getKey(), encodedHeader(header.getValue()));
        }
    }

    private void writeContent(MimeMessage message, JobRequest request) throws MessagingException {
        var text = textContent(request);
        if (request.attachmentsOrEmpty().isEmpty()) {
            setContent(message, text);
            return;
        }

        var mixed = new MimeMultipart("mixed");
        var first = new MimeBodyPart();
        setContent(first, text);
        mixed.addBodyPart(first);
        for (var attachment : request.attachmentsOrEmpty()) {
            var part = new MimeBodyPart();
            var bytes = ContentDecoding.base64Bytes(attachment.content());
            part.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(bytes, attachment.contentType())));
            part.setFileName(attachment.name());
            part.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
    }

    /** A single text part, or multipart/alternative with the plain text first (RFC 2046 5.1.4). */
    private static Object textContent(JobRequest request) throws MessagingException {
        var texts = new ArrayList<Body>();
        if (request.body() != null) {
            texts.add(request.body());
        }
        if (request.alternative() != null) {
            texts.add(request.alternative());
        }
        if (texts.size() < 2) {
            return texts.isEmpty() ? null : texts.get(0);
        }

        texts.sort((a, b) -> Boolean.compare(a.isHtml(), b.isHtml()));
        var alternative = new MimeMultipart("alternative");
        for (var body : texts) {
            var part = new MimeBodyPart();
            setText(part, body);
            alternative.addBodyPart(part);
        }
        return alternative;
    }

    private static void setContent(Part part, Object content) throws MessagingException {
        if (content instanceof MimeMultipart multipart) {
            part.setContent(multipart);
        } else if (content instanceof Body body) {
            setText(part, body);
        } else {
            part.setText("");
        }
    }

    private static void setText(Part part, Body body) throws MessagingException {
        var charset = ContentDecoding.charset(body).name();
        var subtype = body.isHtml() ? "html" : "plain";
        if (part instanceof MimeBodyPart bodyPart) {
            bodyPart.setText(ContentDecoding.text(body), charset, subtype);
        } else {
            ((MimeMessage) part).setText(ContentDecoding.text(body), charset, subtype);
        }
        if (body.contentTransferEncoding() != null) {
            part.setHeader(
                    "Content-Transfer-Encoding",
                    body.contentTransferEncoding().toLowerCase(Locale.ROOT));
        }
    }

    /** The Subject header, encoded per RFC 2047 in the declared charset where needed. */
    private static String subject(JobRequest.Subject subject) throws MessagingException {
        var text = ContentDecoding.text(subject);
        var charset = ContentDecoding.charset(subject).name();
        var declared = subject.contentTransferEncoding();
        var encoding = declared == null ? null : "base64".equalsIgnoreCase(declared) ? "B" : "Q";
        try {
            return MimeUtility.fold(9, MimeUtility.encodeText(text, charset, encoding));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode the subject in " + charset, e);
        }
    }

    private static String encodedHeader(String value) throws MessagingException {
        try {
            return MimeUtility.encodeText(value, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode a header", e);
        }
    }

    /** {@code x-my-header} as {@code X-My-Header}, so that two spellings are one header. */
    private static String canonical(String name) {
        var out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }

    private static String angleBracketed(String uri) {
        return uri.startsWith("<") ? uri : "<" + uri + ">";
    }

    private static InternetAddress[] addresses(List<JobRequest.Address> list)
            throws MessagingException {
        var addresses = new InternetAddress[list.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = address(list.get(i));
        }
        return addresses;
    }

    private static InternetAddress address(JobRequest.Address address) throws MessagingException {
        var parsed = Addresses.parse(address.email());
        if (parsed.isEmpty()) {
            throw new MessagingException("not an e-mail address: " + address.email());
        }
        var mailbox = parsed.get();
        if (mailbox.getPersonal() != null) {
            try {
                // re-set so that a non-ASCII display name is RFC 2047-encoded when written
                mailbox.setPersonal(mailbox.getPersonal(), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("cannot encode a display name", e);
            }
        }
        return mailbox;
    }

    private static long writtenSize(MimeMessage message) throws MessagingException {
        var counter = new CountingStream();
        try {
            message.writeTo(counter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    /** Counts what is written and keeps nothing. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Keeps the Message-ID fixed at intake: {@code saveChanges()} would otherwise replace it. */
    private static final class FixedIdMessage extends MimeMessage {

        FixedIdMessage(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
