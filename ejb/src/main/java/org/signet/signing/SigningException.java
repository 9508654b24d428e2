package org.signet.signing;

/** A message could not be signed: it cannot be read, encoded or signed with the given key. */
public class SigningException extends Exception {

    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
