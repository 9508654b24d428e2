package org.signet.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.platform.Settings;

/**
 * Counts wrong passwords of technical accounts and locks an account out for {@code
 * signet.lockout.duration} after {@code signet.lockout.attempts} in a row. Bulk updates, so that
 * concurrent sign-ins of one account never collide on the entity's version.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInAttempts {

    private static final Logger LOG = Logger.getLogger(SignInAttempts.class.getName());

    @PersistenceContext private EntityManager em;

    public void failed(String accountId) {
        em.createNamedQuery(TechnicalAccount.COUNT_FAILURE)
                .setParameter("id", accountId)
                .executeUpdate();

        var limit = Settings.integer(Settings.LOCKOUT_ATTEMPTS, 5);
        var duration = Settings.duration(Settings.LOCKOUT_DURATION, Duration.ofMinutes(15));
        var locked =
                em.createNamedQuery(TechnicalAccount.LOCK_OUT)
                        .setParameter("id", accountId)
                        .setParameter("limit", limit)
                        .setParameter("until", Instant.now().plus(duration))
                        .executeUpdate();
        if (locked > 0) {
            LOG.log(
                    Level.WARNING,
                    "Technical account {0} locked out for {1} after {2} wrong passwords",
                    new Object[] {accountId, duration, limit});
        }
    }

    /** Forgets earlier wrong passwords and any lock-out. */
    public void cleared(String accountId) {
        em.createNamedQuery(TechnicalAccount.CLEAR_FAILURES)
                .setParameter("id", accountId)
                .executeUpdate();
    }
}
