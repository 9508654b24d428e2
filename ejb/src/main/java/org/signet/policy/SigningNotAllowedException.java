package org.signet.policy;

/** A job asked for message signing on an account where the feature is not active. */
public class SigningNotAllowedException extends RuntimeException {

    public SigningNotAllowedException() {
        super("The messageSigning feature is not active for this account");
    }
}
