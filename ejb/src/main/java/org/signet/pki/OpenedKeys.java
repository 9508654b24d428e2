package org.signet.pki;

import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Private keys already opened from their sealed form, so that a sender's key is read from the
 * master key file, unsealed and parsed once, not for every mail it signs.
 *
 * <p>An entry is found by the sealed text itself, with the certificate's fingerprint and master key
 * id: a certificate that is deleted, replaced or re-sealed under a new master key is never found
 * again under its old entry, and an old entry is never handed out for anything but the exact sealed
 * key it came from. The cache holds at most {@link #LIMIT} keys and starts again empty when it is
 * full; it lives as long as the application's class loader, so a redeploy empties it.
 */
final class OpenedKeys {

    static final int LIMIT = 2_000;

    private static final Map<String, PrivateKey> KEYS = new ConcurrentHashMap<>();

    private OpenedKeys() {}

    static PrivateKey of(String fingerprint, SealedKey sealed, Supplier<PrivateKey> open) {
        var entry = fingerprint + '/' + sealed.masterKeyId() + '/' + sealed.sealed();
        var key = KEYS.get(entry);
        if (key != null) {
            return key;
        }
        key = open.get();
        if (KEYS.size() >= LIMIT) {
            KEYS.clear();
        }
        KEYS.put(entry, key);
        return key;
    }

    /** Forgets every opened key, after a master key rotation. */
    static void forget() {
        KEYS.clear();
    }

    static int size() {
        return KEYS.size();
    }
}
