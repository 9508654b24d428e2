package org.signet.signing;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The content of a message in the form that is signed: a MIME entity, headers and body, in
 * canonical form and safe for any mail transport.
 *
 * <p>RFC 8551 3.1.1 requires text to be canonicalised to CRLF line endings before it is signed, and
 * 3.1.2 requires every part to be 7-bit safe, because a relay that converts 8bit content breaks the
 * signature. So every text part is decoded, its line breaks are made CRLF, and Jakarta Mail chooses
 * 7bit, quoted-printable or base64 for it; every other leaf part is base64. The result is written
 * once; the same bytes are hashed and put into the message.
 */
final class CanonicalContent {

    private static final String CONTENT_TRANSFER_ENCODING = "Content-Transfer-Encoding";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String CTE_LOWER = "content-transfer-encoding";
    private static final int MAX_LINE_OCTETS = 998;

    private CanonicalContent() {}

    /** The canonical bytes of the content of a message or body part, headers included. */
    static byte[] of(MimePart source) throws MessagingException, IOException, SigningException {
        MimeBodyPart canonical = canonicalPart(source);

        var out = new ByteArrayOutputStream();
        canonical.writeTo(out);
        byte[] bytes = crlfLineEndings(out.toByteArray());

        requireTransportSafe(bytes);
        return bytes;
    }

    private static MimeBodyPart canonicalPart(Part source)
            throws MessagingException, IOException, SigningException {
        var type = contentType(source);
        var part = new MimeBodyPart();

        copyContentHeaders(source, part);
        if (type.match("multipart/*")) {
            var multipart = canonicalMultipart((Multipart) source.getContent(), type);
            part.setContent(multipart);
            part.setHeader(CONTENT_TYPE, multipart.getContentType());
        } else if (type.match("message/*")) {
            // TODO [Signing] a message/* part would need its own canonicalisation, and base64 is
            //  not allowed for it (RFC 2046 5.2.1): such mail is refused rather than mangled
            throw new SigningException(
                    "Cannot sign a message that contains a " + type.getBaseType() + " part");
        } else if (type.match("text/*")) {
            setText(part, source, type);
        } else {
            setBinary(part, source, type);
        }
        return part;
    }

    private static MimeMultipart canonicalMultipart(Multipart source, ContentType type)
            throws MessagingException, IOException, SigningException {
        var multipart = new MimeMultipart(type.getSubType());
        for (int i = 0; i < source.getCount(); i++) {
            multipart.addBodyPart(canonicalPart(source.getBodyPart(i)));
        }
        return multipart;
    }

    private static void setText(MimeBodyPart part, Part source, ContentType type)
            throws MessagingException, IOException {
        byte[] decoded = readAll(source);
        byte[] canonical = crlfText(decoded, type.getParameter("charset"));

        var dataSource = new ByteArrayDataSource(canonical, type.toString());
        part.setDataHandler(new DataHandler(dataSource));
        part.setHeader(CONTENT_TYPE, type.toString());
        part.setHeader(CONTENT_TRANSFER_ENCODING, MimeUtility.getEncoding(dataSource));
    }

    private static void setBinary(MimeBodyPart part, Part source, ContentType type)
            throws MessagingException, IOException {
        var dataSource = new ByteArrayDataSource(readAll(source), type.toString());
        part.setDataHandler(new DataHandler(dataSource));
        part.setHeader(CONTENT_TYPE, type.toString());
        part.setHeader(CONTENT_TRANSFER_ENCODING, "base64");
    }

    /**
     * The type as the header says, or, for a part composed in memory whose headers Jakarta Mail has
     * not yet updated, as its content says (that is where a charset given to setText is).
     */
    private static ContentType contentType(Part source) throws MessagingException {
        String[] header = source.getHeader(CONTENT_TYPE);
        if (header != null) {
            return new ContentType(header[0]);
        }
        return new ContentType(source.getDataHandler().getContentType());
    }

    /**
     * A body part keeps all its headers but the two that are set anew. Of the message itself only
     * the content headers (disposition, Content-ID, language...) belong to the signed entity; the
     * rest stays on the outer message.
     */
    private static void copyContentHeaders(Part source, MimeBodyPart target)
            throws MessagingException {
        for (Enumeration<Header> headers = source.getAllHeaders(); headers.hasMoreElements(); ) {
            Header header = headers.nextElement();
            String name = header.getName().toLowerCase(Locale.ROOT);
            boolean setAnew = name.equals("content-type") || name.equals(CTE_LOWER);
            boolean belongsToContent = source instanceof BodyPart || name.startsWith("content-");
            if (!setAnew && belongsToContent) {
                target.addHeader(header.getName(), header.getValue());
            }
        }
    }

    /**
     * The decoded content. Through the DataHandler rather than {@code getInputStream()}, which for
     * content composed in memory starts a thread to pipe it.
     */
    private static byte[] readAll(Part source) throws MessagingException, IOException {
        var out = new ByteArrayOutputStream();
        source.getDataHandler().writeTo(out);
        return out.toByteArray();
    }

    /**
     * Text in its own charset with CRLF line breaks. Without a charset parameter, or with one Java
     * does not know, the bytes are taken to be ASCII-compatible and only line breaks change.
     */
    private static byte[] crlfText(byte[] text, String charsetName) {
        Charset charset = javaCharset(charsetName);
        if (charset == null) {
            return crlfLineEndings(text);
        }
        String canonical = new String(text, charset).replaceAll("\r\n|\r|\n", "\r\n");
        return canonical.getBytes(charset);
    }

    private static Charset javaCharset(String mimeName) {
        if (mimeName == null) {
            return null;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(mimeName));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Every CR, LF or CRLF becomes CRLF. */
    static byte[] crlfLineEndings(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length + bytes.length / 32);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /**
     * RFC 5322 2.1.1 limits lines to 998 octets and RFC 8551 3.1.2 asks for 7-bit data. Parts are
     * encoded so that this holds; what can still break it is a raw 8-bit header or an over-long
     * header line in the input, which is refused here rather than sent with a fragile signature.
     */
    private static void requireTransportSafe(byte[] bytes) throws SigningException {
        int lineLength = 0;
        for (byte b : bytes) {
            if (b < 0) {
                throw new SigningException("The message content contains 8-bit data in a header");
            }
            lineLength = b == '\n' ? 0 : lineLength + 1;
            if (lineLength > MAX_LINE_OCTETS + 1) {
                throw new SigningException("The message content has a line over 998 octets");
            }
        }
    }
}
