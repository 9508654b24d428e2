package org.signet.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes in the self-describing form {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>}, so the iteration count can grow without breaking
 * stored hashes.
 */
public final class PasswordHasher {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher(int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("too few PBKDF2 iterations: " + iterations);
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        var salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        var encoder = Base64.getEncoder().withoutPadding();
        return String.join(
                "$",
                SCHEME,
                Integer.toString(iterations),
                encoder.encodeToString(salt),
                encoder.encodeToString(derive(password, salt, iterations)));
    }

    /** Whether {@code password} produces {@code storedHash}; malformed hashes never match. */
    public static boolean matches(char[] password, String storedHash) {
        var parts = storedHash.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        var decoder = Base64.getDecoder();
        var expected = decoder.decode(parts[3]);
        var actual = derive(password, decoder.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        var spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
