package org.signet.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMEAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.signet.signing.TestPki.KeyType;

/** The structure of what the signer writes; interoperability is in SmimeSignerInteropTest. */
class SmimeSignerTest {

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final Map<KeyType, SigningCredentials> CREDENTIALS =
            new EnumMap<>(KeyType.class);
    private static TestPki pki;

    private final SmimeSigner signer = new SmimeSigner();
    private final Session session = Session.getInstance(new Properties());

    @BeforeAll
    static void createPki() {
        pki = TestPki.create();
        for (var type : KeyType.values()) {
            CREDENTIALS.put(type, pki.issue(type, "billing@shop.example"));
        }
    }

    @ParameterizedTest(name = "{0} key signs with {1}")
    @CsvSource({
        "RSA_2048, sha-256, 2.16.840.1.101.3.4.2.1",
        "EC_P256,  sha-256, 2.16.840.1.101.3.4.2.1",
        "EC_P384,  sha-384, 2.16.840.1.101.3.4.2.2",
        "EC_P521,  sha-512, 2.16.840.1.101.3.4.2.3"
    })
    void digestFollowsTheStrengthOfTheKey(KeyType type, String micalg, String digestOid)
            throws Exception {
        var signed = signer.sign(SampleMail.PLAIN_TEXT.compose(session), CREDENTIALS.get(type));

        var parts = SignedParts.of(signed.mime());
        assertThat(signed.micalg()).isEqualTo(micalg);
        assertThat(parts.contentType().getBaseType()).isEqualTo("multipart/signed");
        assertThat(parts.contentType().getParameter("micalg")).isEqualTo(micalg);
        assertThat(parts.contentType().getParameter("protocol"))
                .isEqualTo("application/pkcs7-signature");
        assertThat(signerInformation(parts).getDigestAlgOID()).isEqualTo(digestOid);
    }

    @Test
    void signedMessageKeepsMessageIdAndOuterHeaders() throws Exception {
        var original = SampleMail.NON_ASCII.compose(session);

        var signed = parse(signer.sign(original, CREDENTIALS.get(KeyType.EC_P256)).mime());

        assertThat(signed.getMessageID()).isEqualTo(SampleMail.MESSAGE_ID);
        assertThat(signed.getSubject()).isEqualTo(SampleMail.GREETING);
        assertThat(signed.getSentDate()).isEqualTo(original.getSentDate());
        for (String header : List.of("From", "To", "Cc", "Reply-To", "X-Signet-Job")) {
            assertThat(signed.getHeader(header, ",")).isEqualTo(original.getHeader(header, ","));
        }
        assertThat(signed.getHeader("MIME-Version")).containsExactly("1.0");
    }

    @Test
    void messageWithoutMessageIdGetsOneAndADate() throws Exception {
        var original = new MimeMessage(session);
        original.setText("Invoice without an id");

        var signed = parse(signer.sign(original, CREDENTIALS.get(KeyType.EC_P256)).mime());

        assertThat(signed.getMessageID()).isNotBlank();
        assertThat(signed.getSentDate()).isNotNull();
    }

    @Test
    void inputMessageIsLeftAsItWas() throws Exception {
        var original = SampleMail.ATTACHMENTS.compose(session);
        var headersBefore = Collections.list(original.getAllHeaderLines());
        var contentBefore = original.getContent();

        signer.sign(original, CREDENTIALS.get(KeyType.RSA_2048));

        assertThat(Collections.list(original.getAllHeaderLines())).isEqualTo(headersBefore);
        assertThat(original.getContent()).isSameAs(contentBefore);
        assertThat(original.getHeader("Content-Type")).as("saveChanges was not called").isNull();
    }

    @Test
    void signatureCarriesSigningTimeCapabilitiesAndTheWholeChain() throws Exception {
        var credentials = CREDENTIALS.get(KeyType.EC_P384);

        var parts =
                SignedParts.of(signer.sign(SampleMail.HTML.compose(session), credentials).mime());

        var signerInfo = signerInformation(parts);
        var attributes = signerInfo.getSignedAttributes();
        assertThat(attributes.get(CMSAttributes.signingTime)).isNotNull();
        assertThat(attributes.get(SMIMEAttributes.smimeCapabilities).getAttrValues().toString())
                .contains(NISTObjectIdentifiers.id_aes256_GCM.getId());
        var certificates = new CMSSignedData(parts.signature()).getCertificates();
        assertThat(certificates.getMatches(null))
                .extracting(X509CertificateHolder::getEncoded)
                .containsExactlyInAnyOrder(
                        credentials.signerCertificate().getEncoded(),
                        pki.intermediate().getEncoded());
    }

    @ParameterizedTest(name = "{0} is sent as 7-bit CRLF text with short lines")
    @EnumSource(SampleMail.class)
    void signedMailIsSevenBitWithCrlfAndShortLines(SampleMail sample) throws Exception {
        byte[] mime =
                signer.sign(sample.compose(session), CREDENTIALS.get(KeyType.RSA_2048)).mime();

        int lineLength = 0;
        for (int i = 0; i < mime.length; i++) {
            assertThat(mime[i]).as("octet %d", i).isNotNegative();
            if (mime[i] == '\n') {
                assertThat(i > 0 && mime[i - 1] == '\r').as("CR before LF at %d", i).isTrue();
                lineLength = 0;
            } else {
                assertThat(mime[i] != '\r' || mime[i + 1] == '\n').as("bare CR at %d", i).isTrue();
                lineLength++;
            }
            assertThat(lineLength).as("line length at %d", i).isLessThanOrEqualTo(998 + 1);
        }
        assertThat(new String(mime, StandardCharsets.US_ASCII))
                .doesNotContainIgnoringCase("Content-Transfer-Encoding: 8bit")
                .doesNotContainIgnoringCase("Content-Transfer-Encoding: binary");
    }

    @Test
    void attachmentsArriveUnchanged() throws Exception {
        var signed =
                signer.sign(
                        SampleMail.ATTACHMENTS.compose(session), CREDENTIALS.get(KeyType.EC_P256));

        var content = MimeContent.parse(SignedParts.of(signed.mime()).signedEntity());

        assertThat(content.attachment("data.bin")).contains(SampleMail.BINARY);
        assertThat(content.attachment("positions.csv"))
                .hasValueSatisfying(
                        csv ->
                                assertThat(new String(csv, StandardCharsets.UTF_8))
                                        .isEqualTo(SampleMail.CSV.replace("\n", "\r\n")));
    }

    @Test
    void receivedPartsThatAreAlreadyCanonicalKeepTheirEncodedBytes() throws Exception {
        var text =
                "Gr=C3=BC=C3=9Fe aus K=C3=B6ln, Ihre Rechnung liegt bei.\r\nZeile zwei=\r\n.\r\n";
        var pdf = Base64.getMimeEncoder().encodeToString(new byte[] {37, 80, 68, 70, -1, 0, 7});
        var received =
                received(
                        "From: billing@shop.example\r\nSubject: Rechnung\r\nMIME-Version: 1.0\r\n"
                                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                                + text
                                + "\r\n--b1\r\nContent-Type: application/pdf; name=r.pdf\r\n"
                                + "Content-Disposition: attachment; filename=r.pdf\r\n"
                                + "Content-Transfer-Encoding: base64\r\n\r\n"
                                + pdf
                                + "\r\n--b1--\r\n");

        var entity =
                new String(
                        SignedParts.of(
                                        signer.sign(received, CREDENTIALS.get(KeyType.EC_P256))
                                                .mime())
                                .signedEntity(),
                        StandardCharsets.US_ASCII);

        assertThat(entity)
                .contains("Content-Transfer-Encoding: quoted-printable\r\n\r\n" + text)
                .contains("Content-Transfer-Encoding: base64\r\n")
                .contains("filename=r.pdf\r\n\r\n" + pdf + "\r\n");
    }

    @Test
    void receivedTextWithBareLineFeedsIsMadeCrlfBeforeItIsSigned() throws Exception {
        var received =
                received(
                        "From: billing@shop.example\nSubject: LF\nMIME-Version: 1.0\n"
                                + "Content-Type: text/plain; charset=us-ascii\n\n"
                                + "first line\nsecond line\n");
        var b64 =
                received(
                        "From: billing@shop.example\r\nMIME-Version: 1.0\r\n"
                                + "Content-Type: text/plain; charset=UTF-8\r\n"
                                + "Content-Transfer-Encoding: base64\r\n\r\n"
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "eins\nzwei\n".getBytes(StandardCharsets.UTF_8))
                                + "\r\n");

        var lf = SignedParts.of(signer.sign(received, CREDENTIALS.get(KeyType.EC_P256)).mime());
        var decoded = SignedParts.of(signer.sign(b64, CREDENTIALS.get(KeyType.EC_P256)).mime());

        assertThat(new String(lf.signedEntity(), StandardCharsets.US_ASCII))
                .endsWith("\r\n\r\nfirst line\r\nsecond line\r\n");
        // base64 whose decoded lines end in LF alone is decoded, made CRLF and encoded anew
        assertThat(new String(decoded.signedEntity(), StandardCharsets.US_ASCII))
                .contains("Content-Transfer-Encoding: 7bit\r\n")
                .endsWith("\r\n\r\neins\r\nzwei\r\n");
    }

    private MimeMessage received(String mime) throws Exception {
        return new MimeMessage(
                session, new ByteArrayInputStream(mime.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void messageForDeliveryWritesTheSignedBytesUnchanged() throws Exception {
        var signed =
                signer.sign(
                        SampleMail.ALTERNATIVE.compose(session), CREDENTIALS.get(KeyType.EC_P256));
        var forDelivery = signed.toMimeMessage(session);

        forDelivery.saveChanges();
        var written = new ByteArrayOutputStream();
        forDelivery.writeTo(written);

        assertThat(written.toByteArray()).isEqualTo(signed.mime());
    }

    @Test
    void oneSignerSignsConcurrently() throws Exception {
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 32; i++) {
            var type = i % 2 == 0 ? KeyType.RSA_2048 : KeyType.EC_P256;
            tasks.add(
                    () ->
                            verifiesInProcess(
                                    signer.sign(
                                            SampleMail.ATTACHMENTS.compose(session),
                                            CREDENTIALS.get(type))));
        }

        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void credentialsNeverPrintKeyMaterial() {
        var credentials = CREDENTIALS.get(KeyType.RSA_2048);
        String encodedKey =
                Base64.getEncoder().encodeToString(credentials.privateKey().getEncoded());

        assertThat(credentials.toString())
                .contains("billing@shop.example", "chain length=2")
                .doesNotContain(encodedKey.substring(40, 80))
                .doesNotContainIgnoringCase("exponent")
                .doesNotContainIgnoringCase("modulus");
    }

    @Test
    void credentialsWithoutCertificatesAreRefused() {
        var key = CREDENTIALS.get(KeyType.EC_P256).privateKey();

        assertThatThrownBy(() -> new SigningCredentials(key, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chain is empty");
    }

    @Test
    void forwardedMessagePartIsRefusedRatherThanMangled() throws Exception {
        var forwarded = new MimeMessage(session);
        forwarded.setContent(SampleMail.PLAIN_TEXT.compose(session), "message/rfc822");

        assertThatThrownBy(() -> signer.sign(forwarded, CREDENTIALS.get(KeyType.EC_P256)))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("message/rfc822");
    }

    /** Bouncy Castle's own verification, with the signer certificate the message carries. */
    private static boolean verifiesInProcess(SignedMessage signed) throws Exception {
        var parts = SignedParts.of(signed.mime());
        var data =
                new CMSSignedData(
                        new CMSProcessableByteArray(parts.signedEntity()), parts.signature());
        var signerInfo = data.getSignerInfos().getSigners().iterator().next();

        @SuppressWarnings("unchecked") // SignerId is a raw Selector
        var certificate =
                (X509CertificateHolder)
                        data.getCertificates().getMatches(signerInfo.getSID()).iterator().next();
        return signerInfo.verify(
                new JcaSimpleSignerInfoVerifierBuilder().setProvider(PROVIDER).build(certificate));
    }

    private static SignerInformation signerInformation(SignedParts parts) throws Exception {
        var data =
                new CMSSignedData(
                        new CMSProcessableByteArray(parts.signedEntity()), parts.signature());
        return data.getSignerInfos().getSigners().iterator().next();
    }

    private MimeMessage parse(byte[] mime) throws Exception {
        return new MimeMessage(session, new ByteArrayInputStream(mime));
    }
}
