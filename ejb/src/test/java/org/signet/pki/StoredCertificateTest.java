package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.pki.TestCertificates.CLOCK;
import static org.signet.pki.TestCertificates.NOW;

import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored row as the facade writes it, without a database: what goes in comes back out. */
class StoredCertificateTest {

    @TempDir Path folder;

    private final TestCertificates pki = new TestCertificates();

    @Test
    void storedCertificateAnswersItsSummaryAndChain() {
        var imported = importedAlice();
        var sealer = sealer();

        var stored =
                new StoredCertificate(
                        50L,
                        imported,
                        sealer.seal(new byte[] {1, 2, 3}, imported.summary().fingerprint()),
                        NOW);

        assertThat(stored.summary(NOW)).isEqualTo(imported.summary());
        assertThat(stored.chain()).containsExactlyElementsOf(imported.chain());
        assertThat(stored.getCustomerId()).isEqualTo(50L);
    }

    @Test
    void storedKeyOpensToAKeyThatStillBelongsToItsCertificate() {
        var imported = importedAlice();
        var sealer = sealer();
        var fingerprint = imported.summary().fingerprint();
        var stored =
                new StoredCertificate(
                        50L,
                        imported,
                        sealer.seal(imported.privateKey().getEncoded(), fingerprint),
                        NOW);

        var pkcs8 = sealer.unseal(stored.sealedKey(), stored.getFingerprint());
        var key = CertificateFileReader.privateKey(PrivateKeyInfo.getInstance(pkcs8));
        var signingKey = new SigningKey(key, stored.chain(), stored.summary(NOW));

        assertThat(CertificateImport.belongTogether(key, signingKey.endEntity())).isTrue();
        assertThat(signingKey.chain()).hasSize(3);
        assertThat(signingKey.toString())
                .contains(fingerprint)
                .doesNotContain(Base64.getEncoder().encodeToString(pkcs8).substring(0, 40));
        assertThat(stored.sealedKey().sealed())
                .doesNotContain(Base64.getEncoder().encodeToString(pkcs8).substring(0, 40));
    }

    private ImportedCertificate importedAlice() {
        var alice = pki.endEntity().issue();
        var file =
                TestCertificates.pkcs12(
                        alice.privateKey(),
                        pki.chainOf(alice),
                        TestCertificates.PASSWORD,
                        TestCertificates.Pkcs12Protection.TRIPLE_DES);
        return new CertificateImport(CLOCK).read(file, TestCertificates.PASSWORD);
    }

    private KeySealer sealer() {
        var file = folder.resolve("master.keys");
        MasterKeyFile.create(file);
        return new KeySealer(MasterKeyFile.load(file));
    }
}
