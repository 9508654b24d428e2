package org.signet.pki;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * The AES-256 master keys that seal private keys at rest, by id, and which of them seals new rows.
 * Older keys stay until a rotation has re-sealed every row under the current one. {@link
 * #toString()} shows ids only.
 */
public final class MasterKeys {

    private final String currentId;
    private final Map<String, SecretKey> keys;

    public MasterKeys(String currentId, Map<String, SecretKey> keys) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalArgumentException(
                    "the current master key " + currentId + " is not among the keys");
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    public String currentId() {
        return currentId;
    }

    public SecretKey current() {
        return keys.get(currentId);
    }

    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public String toString() {
        return "MasterKeys[current=" + currentId + ", ids=" + new TreeMap<>(keys).keySet() + "]";
    }
}
