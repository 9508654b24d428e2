package org.signet.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a few minutes that a password matched its slow hash, so that an application sending
 * many jobs with HTTP Basic pays the PBKDF2 cost once, not per request. Only a keyed MAC of the
 * password is kept, under a key that lives in this process alone; a changed stored hash (password
 * reset) invalidates the entry at once.
 */
@ApplicationScoped
public class VerifiedPasswords {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final byte[] processKey = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedPasswords() {
        new SecureRandom().nextBytes(processKey);
    }

    boolean matches(String principal, char[] password, String storedHash) {
        var mac = mac(password);
        var remembered = entries.get(principal);
        if (remembered != null
                && remembered.storedHash().equals(storedHash)
                && remembered.expires().isAfter(Instant.now())
                && MessageDigest.isEqual(remembered.mac(), mac)) {
            return true;
        }

        var matches = PasswordHasher.matches(password, storedHash);
        if (matches) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(principal, new Entry(storedHash, mac, Instant.now().plus(TIME_TO_LIVE)));
        }
        return matches;
    }

    private byte[] mac(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(processKey, "HmacSHA256"));
            hmac.update(bytes);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private record Entry(String storedHash, byte[] mac, Instant expires) {}
}
