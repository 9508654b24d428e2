package org.signet.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the credentials of technical accounts (REST Basic, SMTP AUTH) and of console users. Every
 * answer for an unknown name costs the same as for a known one, so response times do not reveal
 * which account ids exist.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CredentialCheck {

    private static final Logger LOG = Logger.getLogger(CredentialCheck.class.getName());

    /** Compared against when the name is unknown, to spend the same time as a real check. */
    private static final String DUMMY_HASH = new PasswordHasher(210_000).hash(new char[] {'x'});

    @PersistenceContext private EntityManager em;

    @Inject private VerifiedPasswords verifiedPasswords;

    @EJB private SignInAttempts attempts;

    public SignInResult technicalAccount(String accountId, char[] password) {
        var account = em.find(TechnicalAccount.class, accountId);
        if (account == null) {
            PasswordHasher.matches(password, DUMMY_HASH);
            LOG.log(Level.FINE, "Sign-in refused: no technical account {0}", accountId);
            return SignInResult.wrongCredentials();
        }

        var passwordMatches =
                verifiedPasswords.matches(accountId, password, account.getPasswordHash());
        if (account.isLockedOutAt(Instant.now())) {
            LOG.log(
                    Level.INFO,
                    "Sign-in refused: account {0} is locked out until {1}",
                    new Object[] {accountId, account.getLockedUntil()});
            return SignInResult.blocked(accountId);
        }
        if (!passwordMatches) {
            LOG.log(Level.INFO, "Sign-in refused: wrong password for account {0}", accountId);
            attempts.failed(accountId);
            return SignInResult.wrongCredentials();
        }
        if (account.getFailedSignIns() > 0 || account.getLockedUntil() != null) {
            attempts.cleared(accountId);
        }
        if (account.getStatus() != AccountStatus.ACTIVE) {
            LOG.log(
                    Level.INFO,
                    "Sign-in refused: account {0} is {1}",
                    new Object[] {accountId, account.getStatus()});
            return SignInResult.blocked(accountId);
        }
        return SignInResult.accepted(accountId, Roles.ACCOUNT);
    }

    /**
     * A stamp of the user's current password hash, empty for a user that is gone: a console session
     * remembers the stamp of its sign-in and ends once the two differ (password reset, user
     * removed).
     */
    public Optional<String> credentialStamp(String username) {
        return Optional.ofNullable(em.find(ConsoleUser.class, username))
                .map(user -> stamp(user.getPasswordHash()));
    }

    static String stamp(String passwordHash) {
        try {
            var digest =
                    java.security.MessageDigest.getInstance("SHA-256")
                            .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public SignInResult consoleUser(String username, char[] password) {
        var user = em.find(ConsoleUser.class, username);
        if (user == null) {
            PasswordHasher.matches(password, DUMMY_HASH);
            return SignInResult.wrongCredentials();
        }

        if (!verifiedPasswords.matches("user:" + username, password, user.getPasswordHash())) {
            LOG.log(Level.INFO, "Console sign-in refused for {0}", username);
            return SignInResult.wrongCredentials();
        }
        return SignInResult.accepted(username, user.getRole().group());
    }
}
