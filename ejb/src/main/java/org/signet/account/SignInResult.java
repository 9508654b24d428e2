package org.signet.account;

import java.util.Set;

/**
 * What a credential check concluded. A blocked identity gave the right password but may not sign in
 * now (disabled or locked), which callers answer with 403 rather than 401.
 */
public record SignInResult(Outcome outcome, String name, Set<String> groups) {

    public enum Outcome {
        ACCEPTED,
        WRONG_CREDENTIALS,
        BLOCKED
    }

    static SignInResult accepted(String name, String group) {
        return new SignInResult(Outcome.ACCEPTED, name, Set.of(group));
    }

    static SignInResult wrongCredentials() {
        return new SignInResult(Outcome.WRONG_CREDENTIALS, null, Set.of());
    }

    static SignInResult blocked(String name) {
        return new SignInResult(Outcome.BLOCKED, name, Set.of());
    }
}
