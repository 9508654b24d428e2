package org.signet.pki;

/** A sealed private key cannot be opened: unknown master key, tampering or wrong certificate. */
public class KeySealingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeySealingException(String message) {
        super(message);
    }

    public KeySealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
