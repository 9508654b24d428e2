package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySealerTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    @TempDir Path folder;

    private final byte[] pkcs8 = TestCertificates.rsa(2048).getPrivate().getEncoded();

    @Test
    void sealedKeyOpensToTheSameBytes() {
        var sealer = new KeySealer(keys("mk-1", "mk-1"));

        var sealed = sealer.seal(pkcs8, FINGERPRINT);

        assertThat(sealed.masterKeyId()).isEqualTo("mk-1");
        assertThat(sealer.unseal(sealed, FINGERPRINT)).isEqualTo(pkcs8);
    }

    @Test
    void sealingTheSameKeyTwiceGivesDifferentCiphertexts() {
        var sealer = new KeySealer(keys("mk-1", "mk-1"));

        assertThat(sealer.seal(pkcs8, FINGERPRINT).sealed())
                .isNotEqualTo(sealer.seal(pkcs8, FINGERPRINT).sealed());
    }

    @Test
    void sealedFormHoldsNoPlaintextKeyBytes() {
        var sealed = new KeySealer(keys("mk-1", "mk-1")).seal(pkcs8, FINGERPRINT);

        var stored = Base64.getDecoder().decode(sealed.sealed());
        var modulusPart = java.util.Arrays.copyOfRange(pkcs8, 40, 72);

        assertThat(indexOf(stored, pkcs8)).isEqualTo(-1);
        assertThat(indexOf(stored, modulusPart)).isEqualTo(-1);
        assertThat(sealed.sealed())
                .doesNotContain(Base64.getEncoder().encodeToString(pkcs8).substring(0, 40))
                .doesNotContain(HexFormat.of().formatHex(modulusPart));
        assertThat(stored).hasSize(12 + pkcs8.length + 16);
    }

    @Test
    void tamperedCiphertextDoesNotOpen() {
        var sealer = new KeySealer(keys("mk-1", "mk-1"));
        var sealed = sealer.seal(pkcs8, FINGERPRINT);
        var bytes = Base64.getDecoder().decode(sealed.sealed());
        bytes[bytes.length / 2] ^= 0x01;
        var tampered = new SealedKey("mk-1", Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> sealer.unseal(tampered, FINGERPRINT))
                .isInstanceOf(KeySealingException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void keySealedForOneCertificateDoesNotOpenForAnother() {
        var sealer = new KeySealer(keys("mk-1", "mk-1"));
        var sealed = sealer.seal(pkcs8, FINGERPRINT);

        assertThatThrownBy(() -> sealer.unseal(sealed, "cd".repeat(32)))
                .isInstanceOf(KeySealingException.class)
                .hasMessageContaining("another certificate");
    }

    @Test
    void keySealedUnderAnUnknownMasterKeyFailsNamingTheKeyId() {
        var sealed = new KeySealer(keys("mk-old", "mk-old")).seal(pkcs8, FINGERPRINT);

        var sealer = new KeySealer(keys("mk-new", "mk-new"));

        assertThatThrownBy(() -> sealer.unseal(sealed, FINGERPRINT))
                .isInstanceOf(KeySealingException.class)
                .hasMessageContaining("No master key with id mk-old");
    }

    @Test
    void sameKeyIdWithOtherKeyBytesDoesNotOpen() {
        var sealed = new KeySealer(keys("mk-1", "mk-1")).seal(pkcs8, FINGERPRINT);

        assertThatThrownBy(() -> new KeySealer(keys("mk-1", "mk-1")).unseal(sealed, FINGERPRINT))
                .isInstanceOf(KeySealingException.class);
    }

    @Test
    void rotationReSealsEveryKeyUnderTheNewMasterKeySoTheOldOneCanBeRetired() throws Exception {
        var file = folder.resolve("master.keys");
        var oldId = MasterKeyFile.create(file);
        var first = TestCertificates.ec("secp256r1").getPrivate().getEncoded();
        var rows = new LinkedHashMap<String, SealedKey>();
        var oldSealer = new KeySealer(MasterKeyFile.load(file));
        rows.put("11".repeat(32), oldSealer.seal(pkcs8, "11".repeat(32)));
        rows.put("22".repeat(32), oldSealer.seal(first, "22".repeat(32)));

        var newId = MasterKeyFile.addKey(file);
        var rotating = new KeySealer(MasterKeyFile.load(file));
        rows.replaceAll((fingerprint, row) -> rotating.reseal(row, fingerprint));
        MasterKeyFile.retire(file, oldId);

        var afterwards = new KeySealer(MasterKeyFile.load(file));
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.masterKeyId()).isEqualTo(newId));
        assertThat(afterwards.unseal(rows.get("11".repeat(32)), "11".repeat(32))).isEqualTo(pkcs8);
        assertThat(afterwards.unseal(rows.get("22".repeat(32)), "22".repeat(32))).isEqualTo(first);
        assertThat(Files.readString(file)).doesNotContain(oldId);
    }

    private static MasterKeys keys(String currentId, String... ids) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (var id : ids) {
            var bytes = new byte[32];
            new java.security.SecureRandom().nextBytes(bytes);
            keys.put(id, new SecretKeySpec(bytes, "AES"));
        }
        return new MasterKeys(currentId, keys);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        var text = new String(haystack, StandardCharsets.ISO_8859_1);
        return text.indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
