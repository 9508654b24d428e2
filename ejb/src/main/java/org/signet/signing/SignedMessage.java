package org.signet.signing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed message as it leaves Signet: the complete RFC 5322 message, headers and {@code
 * multipart/signed} body, as written once by {@link SmimeSigner}.
 *
 * <p>Deliver and archive exactly these bytes. Re-composing the message (for example {@code
 * Transport.send}, which calls {@code saveChanges()}) would replace the Message-ID and may
 * re-encode the signed part; use {@link #toMimeMessage(Session)} and {@code Transport#sendMessage}
 * instead.
 *
 * @param mime the message bytes: 7-bit, CRLF line endings, no line longer than 998 octets
 * @param digest the digest the signature used; {@code digest.micalg()} is in the Content-Type
 */
public record SignedMessage(byte[] mime, SigningDigest digest) {

    public SignedMessage {
        Objects.requireNonNull(digest, "digest");
        mime = mime.clone();
    }

    /** A copy of the message bytes. */
    @Override
    public byte[] mime() {
        return mime.clone();
    }

    /** The {@code micalg} parameter of the message, e.g. {@code sha-256}. */
    public String micalg() {
        return digest.micalg();
    }

    /** The size of the message in octets. */
    public int size() {
        return mime.length;
    }

    /**
     * A message backed by these bytes for {@code Transport#sendMessage}. It writes the bytes
     * unchanged: {@code saveChanges()} leaves its headers and content alone.
     */
    public MimeMessage toMimeMessage(Session session) throws MessagingException {
        return new FrozenMimeMessage(session, mime);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedMessage that
                && Arrays.equals(mime, that.mime)
                && digest == that.digest;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mime) + digest.hashCode();
    }

    @Override
    public String toString() {
        return "SignedMessage[" + mime.length + " octets, micalg=" + digest.micalg() + "]";
    }

    /** A parsed message whose headers are never updated, so that its bytes stay as signed. */
    private static final class FrozenMimeMessage extends MimeMessage {

        FrozenMimeMessage(Session session, byte[] mime) throws MessagingException {
            super(session, new ByteArrayInputStream(mime));
        }

        @Override
        protected void updateHeaders() {}
    }
}
