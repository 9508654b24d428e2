package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.signet.pki.TestCertificates.CLOCK;
import static org.signet.pki.TestCertificates.NOW;
import static org.signet.pki.TestCertificates.PASSWORD;
import static org.signet.pki.TestCertificates.pem;
import static org.signet.pki.TestCertificates.pkcs12;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.signet.pki.TestCertificates.Pkcs12Protection;

class CertificateImportTest {

    private final TestCertificates pki = new TestCertificates();
    private final CertificateImport certificateImport = new CertificateImport(CLOCK);

    // ---- PKCS#12

    @Test
    void legacyTripleDesPkcs12WithSha1MacImportsWithItsChain() {
        assertPkcs12Imports(Pkcs12Protection.TRIPLE_DES);
    }

    @Test
    void legacyRc2Pkcs12WithSha1MacImportsWithItsChain() {
        assertPkcs12Imports(Pkcs12Protection.RC2_40);
    }

    @Test
    void pkcs12AsOpenSsl1WroteItImports() {
        assertPkcs12Imports(Pkcs12Protection.OPENSSL_CLASSIC);
    }

    @Test
    void modernAesPbes2Pkcs12WithSha256MacImports() {
        assertPkcs12Imports(Pkcs12Protection.AES_256_PBES2);
    }

    @Test
    void pkcs12WrittenByTheJdkKeyStoreImports() {
        var alice = pki.endEntity().issue();
        var file = TestCertificates.jdkPkcs12(alice.privateKey(), pki.chainOf(alice), PASSWORD);

        var imported = certificateImport.read(file, PASSWORD);

        assertThat(imported.chain()).containsExactlyElementsOf(pki.chainOf(alice));
        assertThat(imported.privateKey().getEncoded()).isEqualTo(alice.privateKey().getEncoded());
    }

    @Test
    void chainIsOrderedEndEntityFirstWhateverTheOrderInTheFile() {
        var alice = pki.endEntity().issue();
        var shuffled =
                List.of(
                        pki.root.certificate(),
                        alice.certificate(),
                        pki.intermediate.certificate());
        var file = pkcs12(alice.privateKey(), shuffled, PASSWORD, Pkcs12Protection.AES_256_PBES2);

        var imported = certificateImport.read(file, PASSWORD);

        assertThat(imported.chain()).containsExactlyElementsOf(pki.chainOf(alice));
    }

    @Test
    void certificatesOutsideTheChainAreLeftOut() {
        var alice = pki.endEntity().issue();
        var stranger = new TestCertificates().root.certificate();
        var file =
                pem(
                        TestCertificates.pkcs8(alice.privateKey()),
                        alice.certificate(),
                        stranger,
                        pki.intermediate.certificate());

        var imported = certificateImport.read(file, null);

        assertThat(imported.chain())
                .containsExactly(alice.certificate(), pki.intermediate.certificate());
    }

    private void assertPkcs12Imports(Pkcs12Protection protection) {
        var alice = pki.endEntity().issue();
        var file = pkcs12(alice.privateKey(), pki.chainOf(alice), PASSWORD, protection);

        var imported = certificateImport.read(file, PASSWORD);

        assertThat(imported.endEntity()).isEqualTo(alice.certificate());
        assertThat(imported.chain()).containsExactlyElementsOf(pki.chainOf(alice));
        assertThat(imported.privateKey().getEncoded()).isEqualTo(alice.privateKey().getEncoded());
        assertThat(imported.summary().addresses()).containsExactly("alice@example.com");
    }

    // ---- PEM

    @Test
    void pemWithPkcs8KeyAndChainImports() {
        var alice = pki.endEntity().issue();
        var file =
                pem(
                        alice.certificate(),
                        pki.intermediate.certificate(),
                        TestCertificates.pkcs8(alice.privateKey()));

        var imported = certificateImport.read(file, null);

        assertThat(imported.chain())
                .containsExactly(alice.certificate(), pki.intermediate.certificate());
        assertThat(new String(file)).contains("BEGIN PRIVATE KEY");
    }

    @Test
    void pemWithTraditionalRsaKeyImports() {
        var alice = pki.endEntity().issue();
        var file = pem(alice.keyPair(), alice.certificate(), pki.intermediate.certificate());

        var imported = certificateImport.read(file, null);

        assertThat(new String(file)).contains("BEGIN RSA PRIVATE KEY");
        assertThat(imported.summary().keyAlgorithm()).isEqualTo("RSA 2048");
    }

    @Test
    void pemWithTraditionalEcKeyImports() {
        var alice = pki.endEntity().keyPair(TestCertificates.ec("secp256r1")).issue();
        var file = pem(alice.certificate(), alice.keyPair());

        var imported = certificateImport.read(file, null);

        assertThat(new String(file)).contains("BEGIN EC PRIVATE KEY");
        assertThat(imported.summary().keyAlgorithm()).isEqualTo("EC P-256");
    }

    @Test
    void pemWithEncryptedPkcs8KeyImportsWithItsPassword() {
        var alice = pki.endEntity().issue();
        var file =
                pem(
                        TestCertificates.encryptedPkcs8(alice.privateKey(), PASSWORD),
                        alice.certificate());

        var imported = certificateImport.read(file, PASSWORD);

        assertThat(new String(file)).contains("BEGIN ENCRYPTED PRIVATE KEY");
        assertThat(imported.privateKey().getEncoded()).isEqualTo(alice.privateKey().getEncoded());
    }

    @Test
    void pemWithEncryptedTraditionalKeyImportsWithItsPassword() {
        var alice = pki.endEntity().issue();
        var key = TestCertificates.encryptedTraditionalPem(alice.privateKey(), PASSWORD);
        var file = concat(key, pem(alice.certificate()));

        var imported = certificateImport.read(file, PASSWORD);

        assertThat(new String(file)).contains("Proc-Type: 4,ENCRYPTED");
        assertThat(imported.endEntity()).isEqualTo(alice.certificate());
    }

    @Test
    void ecKeyOnP384IsAccepted() {
        var alice = pki.endEntity().keyPair(TestCertificates.ec("secp384r1")).issue();

        var imported =
                certificateImport.read(
                        pem(TestCertificates.pkcs8(alice.privateKey()), alice.certificate()), null);

        assertThat(imported.summary().keyAlgorithm()).isEqualTo("EC P-384");
    }

    @Test
    void certificateWithoutKeyUsageExtensionsIsAccepted() {
        var alice = pki.endEntity().keyUsage(null).extendedKeyUsage((KeyPurposeId[]) null).issue();

        var imported = certificateImport.read(pemOf(alice), null);

        assertThat(imported.endEntity()).isEqualTo(alice.certificate());
    }

    @Test
    void anyExtendedKeyUsageIsAccepted() {
        var alice = pki.endEntity().extendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage).issue();

        assertThat(certificateImport.read(pemOf(alice), null).endEntity())
                .isEqualTo(alice.certificate());
    }

    // ---- summary

    @Test
    void summaryDescribesTheEndEntity() throws Exception {
        var alice =
                pki.endEntity()
                        .subject("CN=Alice Example,O=Example Corp,E=Alice.Subject@Example.com")
                        .emails("Alice@Example.COM", "ALICE@example.com", "Billing@Example.com")
                        .issue();
        var certificate = alice.certificate();

        var summary = certificateImport.read(pemOf(alice), null).summary();

        assertThat(summary.id()).isNull();
        assertThat(summary.addresses())
                .containsExactly(
                        "alice@example.com", "billing@example.com", "alice.subject@example.com");
        assertThat(summary.subject()).contains("CN=Alice Example").contains("O=Example Corp");
        assertThat(summary.issuer()).isEqualTo("CN=Signet Test Issuing CA,O=Signet Test");
        assertThat(summary.serial()).isEqualTo(certificate.getSerialNumber().toString(16));
        assertThat(summary.notBefore()).isEqualTo(certificate.getNotBefore().toInstant());
        assertThat(summary.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
        assertThat(summary.fingerprint())
                .isEqualTo(
                        HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-256")
                                                .digest(certificate.getEncoded())))
                .hasSize(64);
        assertThat(summary.keyAlgorithm()).isEqualTo("RSA 2048");
        assertThat(summary.status()).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void subjectEmailAddressAloneIsEnough() {
        var alice = pki.endEntity().emails().subject("CN=Alice,E=Alice@Example.org").issue();

        var summary = certificateImport.read(pemOf(alice), null).summary();

        assertThat(summary.addresses()).containsExactly("alice@example.org");
    }

    @Test
    void certificateThatExpiresWithinThirtyDaysIsExpiring() {
        var alice =
                pki.endEntity()
                        .validity(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(29)))
                        .issue();

        var summary = certificateImport.read(pemOf(alice), null).summary();

        assertThat(summary.status()).isEqualTo(CertificateStatus.EXPIRING);
    }

    @Test
    void importedCertificateNeverShowsKeyMaterial() {
        var alice = pki.endEntity().issue();

        var imported = certificateImport.read(pemOf(alice), null);

        assertThat(imported.toString())
                .contains(imported.summary().fingerprint())
                .doesNotContain(HexFormat.of().formatHex(alice.privateKey().getEncoded()));
    }

    // ---- refusals

    @Test
    void wrongPasswordIsRefusedWithoutRepeatingIt() {
        var alice = pki.endEntity().issue();
        var file =
                pkcs12(
                        alice.privateKey(),
                        pki.chainOf(alice),
                        PASSWORD,
                        Pkcs12Protection.TRIPLE_DES);

        var refusal =
                assertRefused(file, "not-the-password".toCharArray(), ImportRefusal.WRONG_PASSWORD);

        assertThat(refusal.detail())
                .doesNotContain("not-the-password")
                .doesNotContain(new String(PASSWORD));
    }

    @Test
    void wrongPasswordOnPkcs12WithoutIntegrityCheckIsRefused() {
        var alice = pki.endEntity().issue();
        var file =
                pkcs12(
                        alice.privateKey(),
                        pki.chainOf(alice),
                        PASSWORD,
                        Pkcs12Protection.AES_256_PBES2,
                        false);

        assertRefused(file, "wrong".toCharArray(), ImportRefusal.WRONG_PASSWORD);
    }

    @Test
    void encryptedPemKeyWithoutPasswordIsRefusedAsWrongPassword() {
        var alice = pki.endEntity().issue();
        var file =
                pem(
                        TestCertificates.encryptedPkcs8(alice.privateKey(), PASSWORD),
                        alice.certificate());

        assertRefused(file, null, ImportRefusal.WRONG_PASSWORD);
        assertRefused(file, "wrong".toCharArray(), ImportRefusal.WRONG_PASSWORD);
    }

    @Test
    void pkcs12WithoutPrivateKeyIsRefused() {
        var alice = pki.endEntity().issue();
        var file = pkcs12(null, pki.chainOf(alice), PASSWORD, Pkcs12Protection.TRIPLE_DES);

        assertRefused(file, PASSWORD, ImportRefusal.NO_PRIVATE_KEY);
    }

    @Test
    void pemWithoutPrivateKeyIsRefused() {
        var alice = pki.endEntity().issue();

        assertRefused(pem(alice.certificate()), null, ImportRefusal.NO_PRIVATE_KEY);
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        var alice = pki.endEntity().issue();
        var bob = pki.endEntity().emails("bob@example.com").issue();
        var file =
                pkcs12(bob.privateKey(), pki.chainOf(alice), PASSWORD, Pkcs12Protection.TRIPLE_DES);

        assertRefused(file, PASSWORD, ImportRefusal.KEY_DOES_NOT_MATCH_CERTIFICATE);
    }

    @Test
    void certificateWithoutEmailAddressIsRefused() {
        var nobody = pki.endEntity().emails().subject("CN=No Mail,O=Example Corp").issue();

        assertRefused(pemOf(nobody), null, ImportRefusal.NO_EMAIL_ADDRESS);
    }

    @Test
    void keyUsageWithoutDigitalSignatureIsRefused() {
        var encryptionOnly = pki.endEntity().keyUsage(KeyUsage.keyEncipherment).issue();

        assertRefused(pemOf(encryptionOnly), null, ImportRefusal.NO_DIGITAL_SIGNATURE_KEY_USAGE);
    }

    @Test
    void extendedKeyUsageWithoutEmailProtectionIsRefused() {
        var tlsClient = pki.endEntity().extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).issue();

        assertRefused(pemOf(tlsClient), null, ImportRefusal.NO_EMAIL_PROTECTION_EXTENDED_KEY_USAGE);
    }

    @Test
    void expiredCertificateIsRefused() {
        var expired =
                pki.endEntity()
                        .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)))
                        .issue();

        assertRefused(pemOf(expired), null, ImportRefusal.EXPIRED);
    }

    @Test
    void notYetValidCertificateIsRefused() {
        var future =
                pki.endEntity()
                        .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)))
                        .issue();

        assertRefused(pemOf(future), null, ImportRefusal.NOT_YET_VALID);
    }

    @Test
    void rsaKeyBelow2048BitsIsRefused() {
        var weak = pki.endEntity().keyPair(TestCertificates.rsa(1024)).issue();

        var refusal = assertRefused(pemOf(weak), null, ImportRefusal.UNSUPPORTED_KEY);

        assertThat(refusal.detail()).contains("RSA 1024 bits");
    }

    @Test
    void dsaKeyIsRefused() {
        var dsa = pki.endEntity().keyPair(TestCertificates.dsa()).issue();

        assertRefused(pemOf(dsa), null, ImportRefusal.UNSUPPORTED_KEY);
    }

    @Test
    void ecKeyOnAnotherCurveThanNistIsRefused() {
        var koblitz = pki.endEntity().keyPair(TestCertificates.ec("secp256k1")).issue();

        assertRefused(pemOf(koblitz), null, ImportRefusal.UNSUPPORTED_KEY);
    }

    @Test
    void garbageIsUnreadable() {
        assertRefused("hello, world".getBytes(), null, ImportRefusal.UNREADABLE);
        assertRefused(new byte[0], null, ImportRefusal.UNREADABLE);
        assertRefused(new byte[] {0x30, 0x03, 0x02, 0x01}, PASSWORD, ImportRefusal.UNREADABLE);
    }

    @Test
    void truncatedPkcs12IsUnreadable() {
        var alice = pki.endEntity().issue();
        var file =
                pkcs12(
                        alice.privateKey(),
                        pki.chainOf(alice),
                        PASSWORD,
                        Pkcs12Protection.TRIPLE_DES);

        var truncated = Arrays.copyOf(file, file.length / 2);

        assertRefused(truncated, PASSWORD, ImportRefusal.UNREADABLE);
    }

    @Test
    void corruptPemIsUnreadable() {
        var file = "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n";

        assertRefused(file.getBytes(), null, ImportRefusal.UNREADABLE);
    }

    // ----

    private byte[] pemOf(TestCertificates.Issued endEntity) {
        return pem(
                TestCertificates.pkcs8(endEntity.privateKey()),
                endEntity.certificate(),
                pki.intermediate.certificate(),
                pki.root.certificate());
    }

    private CertificateImportException assertRefused(
            byte[] file, char[] password, ImportRefusal reason) {
        var thrown = catchThrowable(() -> certificateImport.read(file, password));
        assertThat(thrown).isInstanceOf(CertificateImportException.class);
        var refusal = (CertificateImportException) thrown;
        assertThat(refusal.reason()).as(refusal.detail()).isEqualTo(reason);
        assertThat(refusal.detail()).isNotBlank();
        return refusal;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        var both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
