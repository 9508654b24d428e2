package org.signet.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;
import org.signet.intake.JobRequest.TextContent;

/**
 * Turns the subject, body and alternative of a JobRequest into text: {@code contentEncoding} says
 * how the client encoded the content (plain, quoted-printable or base64), {@code charset} which
 * charset the encoded bytes are in and which one the mail declares. UTF-8 when none is named.
 */
public final class ContentDecoding {

    static final String ENCODINGS = "plain|quoted-printable|base64";
    static final String ENCODINGS_MESSAGE = "must be plain, quoted-printable or base64";
    static final String TRANSFER_ENCODINGS = "quoted-printable|base64";
    static final String TRANSFER_ENCODINGS_MESSAGE =
            "must be quoted-printable or base64: a signed mail must be 7-bit safe";

    private ContentDecoding() {}

    /** A member of a text content that cannot be read, and why. */
    public static final class UndecodableException extends RuntimeException {

        private final String member;

        UndecodableException(String member, String message) {
            super(message, null, false, false);
            this.member = member;
        }

        /** {@code content} or {@code charset}. */
        public String member() {
            return member;
        }
    }

    public static Charset charset(TextContent text) {
        if (text.charset() == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(text.charset());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UndecodableException("charset", "is not a charset Signet knows");
        }
    }

    /** The text the client meant, decoded as declared. */
    public static String text(TextContent text) {
        var charset = charset(text);
        var encoding =
                text.contentEncoding() == null
                        ? "plain"
                        : text.contentEncoding().toLowerCase(Locale.ROOT);

        var decoded =
                switch (encoding) {
                    case "base64" -> decode(base64(text.content()), charset);
                    case "quoted-printable" -> decode(quotedPrintable(text.content()), charset);
                    default -> text.content();
                };

        if (!charset.newEncoder().canEncode(decoded)) {
            throw new UndecodableException(
                    "charset", "cannot represent the content: name a charset that can");
        }
        return decoded;
    }

    /** Base64 with optional line breaks and padding, nothing else (RFC 4648 section 4). */
    public static boolean isBase64(CharSequence value) {
        int digits = 0;
        int padding = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (c == '=') {
                padding++;
                continue;
            }
            var digit =
                    (c >= 'A' && c <= 'Z')
                            || (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '+'
                            || c == '/';
            if (!digit || padding > 0) {
                return false;
            }
            digits++;
        }
        return padding <= 2 && (digits + padding) % 4 == 0 && (padding == 0 || digits % 4 != 0);
    }

    /** The bytes of a base64 text that {@link #isBase64} accepts. */
    public static byte[] base64Bytes(String value) {
        return Base64.getMimeDecoder().decode(value);
    }

    private static byte[] base64(String content) {
        if (!isBase64(content)) {
            throw new UndecodableException("content", "is not base64 as contentEncoding says");
        }
        return base64Bytes(content);
    }

    private static byte[] quotedPrintable(String content) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(content)) {
            throw new UndecodableException(
                    "content", "is not quoted-printable as contentEncoding says: it is not ASCII");
        }
        try (var in =
                MimeUtility.decode(
                        new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)),
                        "quoted-printable")) {
            return in.readAllBytes();
        } catch (MessagingException | IOException e) {
            throw new UndecodableException(
                    "content", "is not quoted-printable as contentEncoding says");
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableException(
                    "content", "does not decode to " + charset.name() + " text");
        }
    }
}
