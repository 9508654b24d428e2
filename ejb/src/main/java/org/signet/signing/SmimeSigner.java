package org.signet.signing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs outgoing mail with S/MIME (RFC 8551): the result is a {@code multipart/signed} message (RFC
 * 1847, RFC 8551 3.5.3) whose first part is the original content in canonical form and whose second
 * part is a detached CMS SignedData (RFC 5652) over exactly those bytes.
 *
 * <p>The signer is stateless and thread-safe; one instance serves the whole application. Bouncy
 * Castle builds the CMS structure; the digest and the private-key operation are made by the {@link
 * SignatureProvider}, whose instances are handed to the builders and never registered.
 */
public final class SmimeSigner {

    private static final Logger LOG = Logger.getLogger(SmimeSigner.class.getName());

    private static final String SIGNATURE_TYPE = "application/pkcs7-signature";

    private final Session session = Session.getInstance(new Properties());

    private final SecureRandom random = new SecureRandom();

    private final SignatureProvider provider;

    /** A signer that uses the provider this JVM has chosen. */
    public SmimeSigner() {
        this(SignatureProvider.chosen());
    }

    /** A signer with the given provider, for comparing providers. */
    public SmimeSigner(SignatureProvider provider) {
        this.provider = provider;
    }

    /**
     * Signs a message.
     *
     * <p>The content of {@code message} (its body and its Content-* headers) becomes the signed
     * first part, canonicalised to CRLF (RFC 8551 3.1.1) and made 7-bit safe (3.1.2). Every other
     * header (From, To, Cc, Subject, Date, Message-ID, Reply-To, X-...) stays on the outer message
     * unchanged; headers are not covered by the signature. The signed attributes carry the signing
     * time and the S/MIME capabilities (RFC 8551 2.5), and the SignedData carries the whole chain
     * of {@code credentials}. The input message is not modified.
     *
     * @return the signed message, written once; deliver and archive these bytes
     * @throws SigningException if the content cannot be read or encoded, or signing fails
     */
    public SignedMessage sign(MimeMessage message, SigningCredentials credentials)
            throws SigningException {
        SigningDigest digest = SigningDigest.forKey(credentials.signerCertificate().getPublicKey());

        byte[] content = canonicalContent(message);
        byte[] signature = detachedSignature(content, credentials, digest);
        byte[] signed = write(message, multipartSigned(content, signature, digest));

        LOG.fine(
                () ->
                        String.format(
                                "Signed %s with %s, %d octets",
                                messageId(message), digest.micalg(), signed.length));
        return new SignedMessage(signed, digest);
    }

    private static byte[] canonicalContent(MimeMessage message) throws SigningException {
        try {
            return CanonicalContent.of(message);
        } catch (MessagingException | IOException e) {
            throw new SigningException("Cannot read the content of the message", e);
        }
    }

    private byte[] detachedSignature(
            byte[] content, SigningCredentials credentials, SigningDigest digest)
            throws SigningException {
        try {
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo(credentials, digest));
            generator.addCertificates(new JcaCertStore(credentials.chain()));

            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (GeneralSecurityException
                | OperatorCreationException
                | CMSException
                | IOException e) {
            throw new SigningException("Cannot sign with " + credentials, e);
        }
    }

    /**
     * Bouncy Castle adds content type, message digest, signing time and algorithm protection to the
     * signed attributes; the capabilities are added here (RFC 8551 2.5.2), strongest first.
     */
    private SignerInfoGenerator signerInfo(SigningCredentials credentials, SigningDigest digest)
            throws OperatorCreationException, GeneralSecurityException {
        var capabilities = new SMIMECapabilityVector();
        capabilities.addCapability(NISTObjectIdentifiers.id_aes256_GCM);
        capabilities.addCapability(NISTObjectIdentifiers.id_aes128_GCM);
        capabilities.addCapability(NISTObjectIdentifiers.id_aes256_CBC);
        capabilities.addCapability(NISTObjectIdentifiers.id_aes128_CBC);
        var attributes = new ASN1EncodableVector();
        attributes.add(new SMIMECapabilitiesAttribute(capabilities));

        var signer = credentials.signerCertificate();
        var contentSigner =
                new JcaContentSignerBuilder(digest.signatureAlgorithm(signer.getPublicKey()))
                        .setProvider(provider.forKey(signer.getPublicKey()))
                        .build(credentials.privateKey());
        var digests = new JcaDigestCalculatorProviderBuilder().setProvider(provider.digest());
        return new JcaSignerInfoGeneratorBuilder(digests.build())
                .setSignedAttributeGenerator(
                        new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(contentSigner, signer);
    }

    /**
     * The body of the multipart/signed entity in three pieces, the signed content in the middle as
     * it is, and its Content-Type with the boundary.
     */
    private record MultipartSigned(
            byte[] opening, byte[] content, byte[] signaturePart, String contentType) {}

    /**
     * RFC 1847 2.1: the signed part comes first, exactly as hashed; the CRLF before a boundary
     * belongs to the boundary, so the signed bytes are not changed by being framed.
     */
    private MultipartSigned multipartSigned(
            byte[] content, byte[] signature, SigningDigest digest) {
        String boundary = boundaryNotIn(content);

        // kept as bytes and joined once with the headers: each copy of a 25 MB mail is 25 MB of
        // heap
        byte[] opening = ascii("--" + boundary + "\r\n");
        byte[] signaturePart =
                ascii(
                        "\r\n--"
                                + boundary
                                + "\r\nContent-Type: "
                                + SIGNATURE_TYPE
                                + "; name=\"smime.p7s\"\r\n"
                                + "Content-Transfer-Encoding: base64\r\n"
                                + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n"
                                + "Content-Description: S/MIME Cryptographic Signature\r\n\r\n"
                                + Base64.getMimeEncoder().encodeToString(signature)
                                + "\r\n--"
                                + boundary
                                + "--\r\n");

        var parameters = new ParameterList();
        parameters.set("protocol", SIGNATURE_TYPE);
        parameters.set("micalg", digest.micalg());
        parameters.set("boundary", boundary);
        String contentType = new ContentType("multipart", "signed", parameters).toString();
        return new MultipartSigned(opening, content, signaturePart, contentType);
    }

    private String boundaryNotIn(byte[] content) {
        while (true) {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            String boundary = "----=_Signed_" + HexFormat.of().formatHex(nonce);
            if (indexOf(content, ascii(boundary)) < 0) {
                return boundary;
            }
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * The outer message: the original headers, then the multipart/signed body, written once into
     * one array. Jakarta Mail settles the headers; the body never passes through it, which would
     * parse it again as a multipart and copy it through streams.
     */
    private byte[] write(MimeMessage original, MultipartSigned body) throws SigningException {
        try {
            var signed = new OuterMessage(session);
            copyOuterHeaders(original, signed);
            signed.setHeader("Content-Type", MimeUtility.fold(14, body.contentType()));
            signed.settleHeaders();

            var headers = new StringBuilder(2048);
            for (Enumeration<String> lines = signed.getAllHeaderLines();
                    lines.hasMoreElements(); ) {
                headers.append(lines.nextElement()).append("\r\n");
            }
            headers.append("\r\n");
            return concat(
                    headers.toString().getBytes(StandardCharsets.ISO_8859_1),
                    body.opening(),
                    body.content(),
                    body.signaturePart());
        } catch (MessagingException e) {
            throw new SigningException("Cannot write the signed message", e);
        }
    }

    private static void copyOuterHeaders(MimeMessage original, MimeMessage signed)
            throws MessagingException {
        for (Enumeration<String> lines = original.getAllHeaderLines(); lines.hasMoreElements(); ) {
            String line = lines.nextElement();
            String name = line.substring(0, Math.max(line.indexOf(':'), 0)).trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("content-") && !lower.equals("mime-version")) {
                signed.addHeaderLine(line.replaceAll("\r\n|\r|\n", "\r\n"));
            }
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id == null ? "a message without Message-ID" : id;
        } catch (MessagingException e) {
            return "a message with an unreadable Message-ID";
        }
    }

    /**
     * The outer headers of the signed message. It keeps the Message-ID of the original; a message
     * that had none gets one, and a Date, as {@code saveChanges()} would give them.
     */
    private static final class OuterMessage extends MimeMessage {

        OuterMessage(Session session) {
            super(session);
        }

        void settleHeaders() throws MessagingException {
            setHeader("MIME-Version", "1.0");
            if (getHeader("Date") == null) {
                setSentDate(new java.util.Date());
            }
            if (getHeader("Message-ID") == null) {
                updateMessageID();
            }
        }
    }
}
