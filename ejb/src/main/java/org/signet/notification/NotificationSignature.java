package org.signet.notification;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.signet.account.TechnicalAccount;
import org.signet.audit.AuditAction;
import org.signet.audit.AuditTrail;
import org.signet.pki.CustomerPki;
import org.signet.pki.SealedKey;

/**
 * The optional per-account signature of push notifications, so that a receiver can tell that a
 * document comes from Signet and was not replayed: header {@value #HEADER} with {@code t=<unix
 * seconds>,v1=<hex HMAC-SHA256 over "t.body">} under the account's secret. The secret is generated
 * here, answered once, and kept sealed under the master key.
 */
@Stateless
public class NotificationSignature {

    public static final String HEADER = "Signet-Signature";

    private static final Logger LOG = Logger.getLogger(NotificationSignature.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext private EntityManager em;

    @EJB private CustomerPki pki;

    @EJB private AuditTrail audit;

    /**
     * Gives the account a new signing secret, which replaces any earlier one at once.
     *
     * @return the secret (base64url, 256 bits), to be shown once; empty for an unknown account
     */
    public Optional<String> newSecret(String accountId) {
        var account = em.find(TechnicalAccount.class, accountId);
        if (account == null) {
            return Optional.empty();
        }
        var secret = new byte[32];
        RANDOM.nextBytes(secret);
        var text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var sealed = pki.sealSecret(text.getBytes(StandardCharsets.US_ASCII), context(accountId));
        account.changeNotificationSecret(sealed.masterKeyId(), sealed.sealed());
        Arrays.fill(secret, (byte) 0);
        LOG.log(
                Level.INFO,
                "Push notifications of account {0} are signed with a new secret",
                accountId);
        audit.record(AuditAction.ACCOUNT_NOTIFICATION_SECRET_CREATED, accountId, null);
        return Optional.of(text);
    }

    /** Stops signing the account's push notifications; false for an unknown account. */
    public boolean remove(String accountId) {
        var account = em.find(TechnicalAccount.class, accountId);
        if (account == null) {
            return false;
        }
        account.changeNotificationSecret(null, null);
        LOG.log(Level.INFO, "Push notifications of account {0} are no longer signed", accountId);
        audit.record(AuditAction.ACCOUNT_NOTIFICATION_SECRET_REMOVED, accountId, null);
        return true;
    }

    /** The header value for {@code body} sent now, if the account signs its pushes. */
    public Optional<String> sign(String accountId, String body, long unixSeconds) {
        var account = em.find(TechnicalAccount.class, accountId);
        if (account == null || account.getNotificationSecret() == null) {
            return Optional.empty();
        }
        var secret =
                pki.openSecret(
                        new SealedKey(
                                account.getNotificationKeyId(), account.getNotificationSecret()),
                        context(accountId));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var signed = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Optional.of("t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(signed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static String context(String accountId) {
        return "notification-signature:" + accountId;
    }
}
