package org.signet.pki;

/**
 * A private key sealed under a master key.
 *
 * @param masterKeyId the id of the master key that opens it
 * @param sealed base64 of the 12-byte IV followed by the AES-GCM ciphertext and its 16-byte tag
 */
public record SealedKey(String masterKeyId, String sealed) {}
