package org.signet.signing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.signet.signing.TestPki.KeyType;

/**
 * Signed mail must verify with independent implementations, openssl and gpgsm, each trusting only
 * the test root, and a changed body must not.
 */
class SmimeSignerInteropTest {

    private static final Map<KeyType, SigningCredentials> CREDENTIALS =
            new EnumMap<>(KeyType.class);

    @TempDir static Path workDir;

    private static OpensslCms openssl;
    private static Gpgsm gpgsm;

    private final SmimeSigner signer = new SmimeSigner();
    private final Session session = Session.getInstance(new Properties());

    @BeforeAll
    static void createPkiAndVerifiers() throws Exception {
        var pki = TestPki.create();
        for (var type : new KeyType[] {KeyType.RSA_2048, KeyType.EC_P256, KeyType.EC_P384}) {
            CREDENTIALS.put(type, pki.issue(type, "billing@shop.example"));
        }
        openssl = new OpensslCms(workDir, pki.writeRootPem(workDir.resolve("root.pem")));
        gpgsm = Gpgsm.trustingOnly(pki.root(), workDir.resolve("gnupg"));
    }

    @AfterAll
    static void stopGpgAgent() {
        if (gpgsm != null) {
            gpgsm.close();
        }
    }

    static Stream<Arguments> samplesAndKeys() {
        return Arrays.stream(SampleMail.values())
                .flatMap(
                        sample ->
                                CREDENTIALS.keySet().stream()
                                        .map(type -> Arguments.of(sample, type)));
    }

    @ParameterizedTest(name = "{0} signed with {1} verifies with openssl")
    @MethodSource("samplesAndKeys")
    void signedMailVerifiesWithOpenssl(SampleMail sample, KeyType type) throws Exception {
        var signed = signer.sign(sample.compose(session), CREDENTIALS.get(type));
        Path verifiedContent = Files.createTempFile(workDir, "verified", ".mime");

        var run = openssl.verify(signed.mime(), verifiedContent);

        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.output()).contains("Verification successful");
        byte[] verified = Files.readAllBytes(verifiedContent);
        assertThat(verified).isEqualTo(SignedParts.of(signed.mime()).signedEntity());
        assertThat(String.join("\n", MimeContent.parse(verified).texts()))
                .contains(sample.expectedTexts());
    }

    /**
     * The signer on a machine where the native provider does not load uses the JDK's providers;
     * Bouncy Castle's is what the benchmarks compare with. Both must sign what verifies.
     */
    @ParameterizedTest(name = "{0} provider signs with {1} what openssl and gpgsm verify")
    @CsvSource({"jdk, RSA_2048", "jdk, EC_P256", "bc, RSA_2048", "bc, EC_P384"})
    void everyProviderSignsWhatVerifies(String provider, KeyType type) throws Exception {
        var signatures =
                provider.equals("jdk") ? SignatureProvider.jdk() : SignatureProvider.bouncyCastle();
        var credentials = CREDENTIALS.get(type);
        var own =
                new SigningCredentials(
                        signatures.own(credentials.privateKey()), credentials.chain());

        var signed = new SmimeSigner(signatures).sign(SampleMail.NON_ASCII.compose(session), own);
        var parts = SignedParts.of(signed.mime());

        var opensslRun = openssl.verify(signed.mime(), Files.createTempFile(workDir, "p", ".mime"));
        assertThat(opensslRun.output()).as("%s", opensslRun).contains("Verification successful");
        var gpgsmRun = gpgsm.verify(parts.signature(), parts.signedEntity());
        assertThat(gpgsmRun.output()).as("%s", gpgsmRun).contains("[GNUPG:] GOODSIG");
    }

    @ParameterizedTest(name = "{0} signed with {1} verifies with gpgsm")
    @MethodSource("samplesAndKeys")
    void signedMailVerifiesWithGpgsm(SampleMail sample, KeyType type) throws Exception {
        var signed = signer.sign(sample.compose(session), CREDENTIALS.get(type));
        var parts = SignedParts.of(signed.mime());

        var run = gpgsm.verify(parts.signature(), parts.signedEntity());

        assertThat(run.succeeded()).as("%s", run).isTrue();
        assertThat(run.output())
                .contains("[GNUPG:] GOODSIG", "[GNUPG:] VALIDSIG", "[GNUPG:] TRUST_FULLY");
    }

    /**
     * A mail as the SMTP adapter has it, parsed from the bytes a client sent: the parts that are
     * already canonical keep their encoded bytes (CanonicalContent), and the signature must hold
     * for them as it does for composed mail.
     */
    @ParameterizedTest(name = "{0} received as bytes, signed with {1}, verifies with both")
    @MethodSource("samplesAndKeys")
    void receivedMailVerifiesWithOpensslAndGpgsm(SampleMail sample, KeyType type) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        var composed = sample.compose(session);
        composed.saveChanges();
        composed.writeTo(bytes);
        var received =
                new jakarta.mail.internet.MimeMessage(
                        session, new java.io.ByteArrayInputStream(bytes.toByteArray()));

        var signed = signer.sign(received, CREDENTIALS.get(type));
        var parts = SignedParts.of(signed.mime());

        var opensslRun = openssl.verify(signed.mime(), Files.createTempFile(workDir, "v", ".mime"));
        assertThat(opensslRun.output()).as("%s", opensslRun).contains("Verification successful");
        var gpgsmRun = gpgsm.verify(parts.signature(), parts.signedEntity());
        assertThat(gpgsmRun.output()).as("%s", gpgsmRun).contains("[GNUPG:] GOODSIG");
        assertThat(String.join("\n", MimeContent.parse(parts.signedEntity()).texts()))
                .contains(sample.expectedTexts());
    }

    @ParameterizedTest(name = "mail signed with {0} and changed afterwards fails with openssl")
    @EnumSource(
            value = KeyType.class,
            names = {"RSA_2048", "EC_P256", "EC_P384"})
    void tamperedMailFailsWithOpenssl(KeyType type) throws Exception {
        byte[] tampered = signedAndTampered(SampleMail.ATTACHMENTS, type);

        var run = openssl.verify(tampered, Files.createTempFile(workDir, "tampered", ".mime"));

        assertThat(run.exitCode()).as("%s", run).isNotZero();
        assertThat(run.output()).doesNotContain("Verification successful");
    }

    @ParameterizedTest(name = "mail signed with {0} and changed afterwards fails with gpgsm")
    @EnumSource(
            value = KeyType.class,
            names = {"RSA_2048", "EC_P256", "EC_P384"})
    void tamperedMailFailsWithGpgsm(KeyType type) throws Exception {
        var parts = SignedParts.of(signedAndTampered(SampleMail.NON_ASCII, type));

        var run = gpgsm.verify(parts.signature(), parts.signedEntity());

        assertThat(run.exitCode()).as("%s", run).isNotZero();
        assertThat(run.output()).contains("[GNUPG:] BADSIG").doesNotContain("GOODSIG");
    }

    /** Signs, then changes one letter of the body, inside the signed part. */
    private byte[] signedAndTampered(SampleMail sample, KeyType type) throws Exception {
        byte[] mime = signer.sign(sample.compose(session), CREDENTIALS.get(type)).mime();
        byte[] boundary = "\r\n--".getBytes(StandardCharsets.US_ASCII);
        int signedPart = SignedParts.indexOf(mime, boundary, 0);

        int marker =
                SignedParts.indexOf(
                        mime, SampleMail.MARKER.getBytes(StandardCharsets.US_ASCII), signedPart);
        mime[marker] = (byte) 'i';
        return mime;
    }
}
