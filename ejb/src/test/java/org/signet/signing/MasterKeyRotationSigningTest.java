package org.signet.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Properties;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signet.pki.CertificateImport;
import org.signet.pki.ImportedCertificate;
import org.signet.pki.KeySealer;
import org.signet.pki.KeySealingException;
import org.signet.pki.MasterKeyFile;
import org.signet.pki.SealedKey;

/**
 * A private key imported, sealed, re-sealed under a new master key after the old one is retired,
 * and then opened again still signs mail that openssl verifies against the root alone.
 */
class MasterKeyRotationSigningTest {

    private static final char[] PASSWORD = "rotation-test".toCharArray();

    @TempDir Path work;

    @Test
    void everyCertificateStillSignsAfterTheMasterKeyIsRotatedAndTheOldOneRetired()
            throws Exception {
        var pki = TestPki.create();
        var keyFile = work.resolve("master.keys");
        var firstKey = MasterKeyFile.create(keyFile);
        var imported =
                java.util.List.of(
                        importPkcs12(pki.issue(TestPki.KeyType.RSA_2048, "rsa@example.com")),
                        importPkcs12(pki.issue(TestPki.KeyType.EC_P256, "ec@example.com")));
        var sealedBefore =
                imported.stream()
                        .map(
                                cert ->
                                        new KeySealer(MasterKeyFile.load(keyFile))
                                                .seal(
                                                        cert.privateKey().getEncoded(),
                                                        fingerprint(cert)))
                        .toList();

        var secondKey = MasterKeyFile.addKey(keyFile);
        var sealedAfter = new java.util.ArrayList<SealedKey>();
        for (int i = 0; i < imported.size(); i++) {
            sealedAfter.add(
                    new KeySealer(MasterKeyFile.load(keyFile))
                            .reseal(sealedBefore.get(i), fingerprint(imported.get(i))));
        }
        MasterKeyFile.retire(keyFile, firstKey);

        var sealer = new KeySealer(MasterKeyFile.load(keyFile));
        var root = pki.writeRootPem(work.resolve("root.pem"));
        for (int i = 0; i < imported.size(); i++) {
            var certificate = imported.get(i);
            assertThat(sealedAfter.get(i).masterKeyId()).isEqualTo(secondKey);
            var index = i;
            assertThatThrownBy(
                            () -> sealer.unseal(sealedBefore.get(index), fingerprint(certificate)))
                    .isInstanceOf(KeySealingException.class);

            var pkcs8 = sealer.unseal(sealedAfter.get(i), fingerprint(certificate));
            var key =
                    KeyFactory.getInstance(jdkAlgorithm(pkcs8))
                            .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            var signed =
                    new SmimeSigner()
                            .sign(
                                    SampleMail.PLAIN_TEXT.compose(
                                            Session.getInstance(new Properties())),
                                    new SigningCredentials(key, certificate.chain()));

            var verified =
                    new OpensslCms(work, root).verify(signed.mime(), work.resolve("out" + i));
            assertThat(verified.succeeded()).as(verified.output()).isTrue();
        }
    }

    /** The JDK's name for the key in a PKCS#8 structure: RSA or EC. */
    private static String jdkAlgorithm(byte[] pkcs8) {
        var oid = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm();
        return PKCSObjectIdentifiers.rsaEncryption.equals(oid) ? "RSA" : "EC";
    }

    private static String fingerprint(ImportedCertificate certificate) {
        return certificate.summary().fingerprint();
    }

    private static ImportedCertificate importPkcs12(SigningCredentials credentials)
            throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "signer",
                credentials.privateKey(),
                PASSWORD,
                credentials.chain().toArray(new Certificate[0]));
        var bytes = new ByteArrayOutputStream();
        store.store(bytes, PASSWORD);
        return new CertificateImport(Clock.systemUTC()).read(bytes.toByteArray(), PASSWORD);
    }
}
