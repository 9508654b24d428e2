package org.signet.mailconnector;

/**
 * The answer to an AUTH: accepted with the identity that the session then carries, refused, or not
 * decidable now (the client may try again later).
 */
public record SignIn(Outcome outcome, String identity, String reason) {

    public enum Outcome {
        /** 235: the session is authenticated as {@code identity}. */
        ACCEPTED,
        /** 535: wrong credentials, or an account that may not sign in. */
        REFUSED,
        /** 454: the credentials could not be checked now. */
        TEMPORARY_FAILURE
    }

    public SignIn {
        if (outcome == null) {
            throw new IllegalArgumentException("a sign-in needs an outcome");
        }
        if (outcome == Outcome.ACCEPTED && (identity == null || identity.isBlank())) {
            throw new IllegalArgumentException("an accepted sign-in needs an identity");
        }
    }

    public static SignIn accepted(String identity) {
        return new SignIn(Outcome.ACCEPTED, identity, null);
    }

    public static SignIn refused(String reason) {
        return new SignIn(Outcome.REFUSED, null, reason);
    }

    public static SignIn temporaryFailure(String reason) {
        return new SignIn(Outcome.TEMPORARY_FAILURE, null, reason);
    }
}
