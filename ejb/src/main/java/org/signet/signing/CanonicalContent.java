package org.signet.signing;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Base64;
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

        // sized for the content as it came, so that a large mail is not copied while it grows
        var out = new ByteArrayOutputStream(Math.max(source.getSize(), 0) + 8192);
        canonical.writeTo(out);
        byte[] bytes = crlfLineEndings(out.toByteArray());

        requireTransportSafe(bytes);
        return bytes;
    }

    private static MimeBodyPart canonicalPart(Part source)
            throws MessagingException, IOException, SigningException {
        var type = contentType(source);
        if (!type.match("multipart/*") && !type.match("message/*")) {
            var kept = keptAsItIs(source, type);
            if (kept != null) {
                return kept;
            }
        }
        var part = new MimeBodyPart();

        copyContentHeaders(source, part::addHeader);
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
     * A leaf part that arrived already canonical keeps its encoded bytes: text in 7bit or
     * quoted-printable whose lines end in CRLF, text in base64 whose decoded lines do, and any
     * other content in base64, all in 7-bit lines of at most 998 octets. Decoding and encoding such
     * a part again would give a valid signature as well, but costs most of the signer's time, and
     * the recipient then sees a different encoding than the sender chose. Anything else, and
     * content composed in memory (it has no encoded bytes), is encoded anew.
     *
     * @return the part to sign, or {@code null} if it must be encoded anew
     */
    private static MimeBodyPart keptAsItIs(Part source, ContentType type)
            throws MessagingException, IOException {
        if (!(source instanceof MimePart mime)) {
            return null;
        }
        String[] encodings = mime.getHeader(CONTENT_TRANSFER_ENCODING);
        String encoding = encodings == null ? "7bit" : encodings[0].trim().toLowerCase(Locale.ROOT);
        boolean text = type.match("text/*");
        if (!(encoding.equals("base64")
                || text && (encoding.equals("7bit") || encoding.equals("quoted-printable")))) {
            return null;
        }
        byte[] raw;
        try (var in = rawContent(mime)) {
            if (in == null) {
                return null;
            }
            raw = in.readAllBytes();
        } catch (MessagingException e) {
            return null; // composed in memory: no encoded bytes to keep
        }
        if (firstBareLineBreak(raw) >= 0 || firstUnsafeOctet(raw) >= 0) {
            return null;
        }
        if (text && encoding.equals("quoted-printable") && encodesLineBreak(raw)) {
            return null;
        }
        if (text && encoding.equals("base64") && !decodedLinesEndInCrlf(raw)) {
            return null;
        }

        var headers = new InternetHeaders();
        copyContentHeaders(source, headers::addHeader);
        headers.setHeader(CONTENT_TYPE, type.toString());
        headers.setHeader(CONTENT_TRANSFER_ENCODING, encoding);
        return new MimeBodyPart(headers, raw);
    }

    private static InputStream rawContent(MimePart part) throws MessagingException {
        if (part instanceof MimeBodyPart bodyPart) {
            return bodyPart.getRawInputStream();
        }
        return part instanceof MimeMessage message ? message.getRawInputStream() : null;
    }

    /** Quoted-printable that encodes a CR or LF (=0D, =0A) may hide a bare line break. */
    private static boolean encodesLineBreak(byte[] raw) {
        for (int i = 0; i + 2 < raw.length; i++) {
            if (raw[i] == '=' && raw[i + 1] == '0') {
                int c = raw[i + 2] | 0x20;
                if (c == 'a' || c == 'd') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean decodedLinesEndInCrlf(byte[] base64) {
        try {
            return firstBareLineBreak(Base64.getMimeDecoder().decode(base64)) < 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
    private static void copyContentHeaders(Part source, HeaderTarget target)
            throws MessagingException {
        for (Enumeration<Header> headers = source.getAllHeaders(); headers.hasMoreElements(); ) {
            Header header = headers.nextElement();
            String name = header.getName().toLowerCase(Locale.ROOT);
            boolean setAnew = name.equals("content-type") || name.equals(CTE_LOWER);
            boolean belongsToContent = source instanceof BodyPart || name.startsWith("content-");
            if (!setAnew && belongsToContent) {
                target.add(header.getName(), header.getValue());
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
     * does not know, the bytes are taken to be ASCII-compatible and only line breaks change; so
     * they are for the charsets whose line breaks are the ASCII bytes (UTF-8, ISO-8859-*,
     * windows-*), which is nearly all mail. Other charsets (UTF-16, say) are decoded first.
     */
    private static byte[] crlfText(byte[] text, String charsetName) {
        Charset charset = javaCharset(charsetName);
        if (charset == null || asciiLineBreaks(charset)) {
            return crlfLineEndings(text);
        }
        String canonical = new String(text, charset).replaceAll("\r\n|\r|\n", "\r\n");
        return canonical.getBytes(charset);
    }

    private static boolean asciiLineBreaks(Charset charset) {
        var name = charset.name().toUpperCase(Locale.ROOT);
        return name.equals("UTF-8")
                || name.equals("US-ASCII")
                || name.startsWith("ISO-8859-")
                || name.startsWith("WINDOWS-125");
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

    /**
     * Every CR, LF or CRLF becomes CRLF; bytes that already are canonical are returned as they are.
     */
    static byte[] crlfLineEndings(byte[] bytes) {
        int firstBare = firstBareLineBreak(bytes);
        if (firstBare < 0) {
            return bytes;
        }
        byte[] out = new byte[bytes.length + bytes.length / 16 + 16];
        System.arraycopy(bytes, 0, out, 0, firstBare);
        int n = firstBare;
        for (int i = firstBare; i < bytes.length; i++) {
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                out[n++] = '\r';
                out[n++] = '\n';
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The index of the first CR not followed by LF or LF not preceded by CR, or -1. */
    private static int firstBareLineBreak(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                if (i + 1 >= bytes.length || bytes[i + 1] != '\n') {
                    return i;
                }
                i++;
            } else if (b == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * RFC 5322 2.1.1 limits lines to 998 octets and RFC 8551 3.1.2 asks for 7-bit data. Parts are
     * encoded so that this holds; what can still break it is a raw 8-bit header or an over-long
     * header line in the input, which is refused here rather than sent with a fragile signature.
     */
    private static void requireTransportSafe(byte[] bytes) throws SigningException {
        int at = firstUnsafeOctet(bytes);
        if (at >= 0) {
            throw new SigningException(
                    bytes[at] <= 0
                            ? "The message content contains 8-bit data or NUL in a header"
                            : "The message content has a line over 998 octets");
        }
    }

    /** The first octet that is 8-bit or NUL or makes its line longer than 998 octets, or -1. */
    private static int firstUnsafeOctet(byte[] bytes) {
        int lineLength = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b <= 0) {
                return i;
            }
            lineLength = b == '\n' ? 0 : lineLength + 1;
            if (lineLength > MAX_LINE_OCTETS + 1) {
                return i;
            }
        }
        return -1;
    }

    /** Where copied headers go: a body part being built, or the headers of a kept one. */
    @FunctionalInterface
    private interface HeaderTarget {
        void add(String name, String value) throws MessagingException;
    }
}
