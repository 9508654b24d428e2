package org.signet.pki;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals private keys at rest with AES-256-GCM under the current master key: a random 96-bit IV per
 * seal, a 128-bit tag, and the certificate's SHA-256 fingerprint as associated data, so a sealed
 * key copied next to another certificate no longer opens.
 */
public final class KeySealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CONTEXT = "signet-pki-v1:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKeys masterKeys;

    public KeySealer(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    /** The id of the master key that seals new keys. */
    public String currentMasterKeyId() {
        return masterKeys.currentId();
    }

    /** Seals the PKCS#8 encoding of a private key for the certificate with this fingerprint. */
    public SealedKey seal(byte[] pkcs8, String fingerprint) {
        var iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, masterKeys.current(), iv, fingerprint);
            var ciphertext = cipher.doFinal(pkcs8);

            var sealed = ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext);
            return new SealedKey(
                    masterKeys.currentId(), Base64.getEncoder().encodeToString(sealed.array()));
        } catch (GeneralSecurityException e) {
            throw new KeySealingException("AES-GCM sealing is not available", e);
        }
    }

    /**
     * Opens a sealed key.
     *
     * @return the PKCS#8 encoding of the private key; the caller clears it after use
     * @throws KeySealingException when the master key is unknown, the ciphertext was altered or the
     *     fingerprint is not the one it was sealed for
     */
    public byte[] unseal(SealedKey sealedKey, String fingerprint) {
        var key =
                masterKeys
                        .byId(sealedKey.masterKeyId())
                        .orElseThrow(
                                () ->
                                        new KeySealingException(
                                                "No master key with id "
                                                        + sealedKey.masterKeyId()
                                                        + " in the master key file"));
        var bytes = decode(sealedKey);
        try {
            var iv = new byte[IV_BYTES];
            System.arraycopy(bytes, 0, iv, 0, IV_BYTES);
            var cipher = cipher(Cipher.DECRYPT_MODE, key, iv, fingerprint);
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new KeySealingException(
                    "The sealed key of certificate "
                            + fingerprint
                            + " does not open under master key "
                            + sealedKey.masterKeyId()
                            + ": altered, or sealed for another certificate",
                    e);
        } catch (GeneralSecurityException e) {
            throw new KeySealingException("AES-GCM unsealing is not available", e);
        }
    }

    /** Opens a key sealed under any known master key and seals it again under the current one. */
    public SealedKey reseal(SealedKey sealedKey, String fingerprint) {
        var plain = unseal(sealedKey, fingerprint);
        try {
            return seal(plain, fingerprint);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] decode(SealedKey sealedKey) {
        try {
            var bytes = Base64.getDecoder().decode(sealedKey.sealed());
            if (bytes.length <= IV_BYTES + TAG_BITS / 8) {
                throw new KeySealingException("The sealed key is too short to be one");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new KeySealingException("The sealed key is not base64", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String fingerprint)
            throws GeneralSecurityException {
        var cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((CONTEXT + fingerprint).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
