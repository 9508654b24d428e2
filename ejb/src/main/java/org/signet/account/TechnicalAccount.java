package org.signet.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The identity an application uses to hand Signet its mails, with the account's message-signing
 * settings: {@code signingActive} allows the feature, {@code signingDefaultActive} signs when a job
 * says nothing.
 */
@Entity
@Table(name = "technical_account")
@NamedQuery(
        name = TechnicalAccount.COUNT_FAILURE,
        query =
                "UPDATE TechnicalAccount a SET a.failedSignIns = a.failedSignIns + 1 WHERE a.id ="
                        + " :id")
@NamedQuery(
        name = TechnicalAccount.LOCK_OUT,
        query =
                "UPDATE TechnicalAccount a SET a.lockedUntil = :until, a.failedSignIns = 0"
                        + " WHERE a.id = :id AND a.failedSignIns >= :limit")
@NamedQuery(
        name = TechnicalAccount.CLEAR_FAILURES,
        query =
                "UPDATE TechnicalAccount a SET a.failedSignIns = 0, a.lockedUntil = NULL WHERE a.id"
                        + " = :id AND (a.failedSignIns > 0 OR a.lockedUntil IS NOT NULL)")
@NamedQuery(
        name = TechnicalAccount.OF_CUSTOMER,
        query = "SELECT a FROM TechnicalAccount a WHERE a.customer.id = :customerId ORDER BY a.id")
public class TechnicalAccount {

    public static final String OF_CUSTOMER = "TechnicalAccount.ofCustomer";

    /** A push endpoint: an http(s) URL, or empty for none. */
    public static final String NOTIFICATION_URL_PATTERN = "^$|^https?://\\S+$";

    public static final int NOTIFICATION_URL_MAX = 2000;
    static final String COUNT_FAILURE = "TechnicalAccount.countFailure";
    static final String LOCK_OUT = "TechnicalAccount.lockOut";
    static final String CLEAR_FAILURES = "TechnicalAccount.clearFailures";

    @Id
    @Column(length = 64)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "signing_active", nullable = false)
    private boolean signingActive;

    @Column(name = "signing_default_active", nullable = false)
    private boolean signingDefaultActive;

    @Column(name = "notification_url", length = 2000)
    private String notificationUrl;

    /**
     * The secret that signs this account's push notifications, sealed; null: unsigned. Fetched with
     * the account: a lazy attribute written on a loaded account made EclipseLink reload the row and
     * drop the key id written just before it.
     */
    @Lob
    @Column(name = "notification_secret")
    private String notificationSecret;

    @Column(name = "notification_key_id", length = 64)
    private String notificationKeyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Wrong passwords since the last successful sign-in or lock-out. */
    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    /** Until when repeated wrong passwords keep the account out; null when not locked out. */
    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Version private long version;

    protected TechnicalAccount() {}

    public TechnicalAccount(
            String id,
            Customer customer,
            String passwordHash,
            boolean signingActive,
            boolean signingDefaultActive,
            Instant createdAt) {
        this.id = id;
        this.customer = customer;
        this.passwordHash = passwordHash;
        this.signingActive = signingActive;
        this.signingDefaultActive = signingDefaultActive;
        this.createdAt = createdAt;
        this.status = AccountStatus.ACTIVE;
    }

    public void changeStatus(AccountStatus newStatus) {
        status = newStatus;
    }

    /**
     * The message-signing settings: {@code active} allows it, {@code defaultActive} defaults it.
     */
    public void configureSigning(boolean active, boolean defaultActive) {
        signingActive = active;
        signingDefaultActive = defaultActive;
    }

    public void changeNotificationUrl(String url) {
        notificationUrl = url;
    }

    public void changePasswordHash(String newHash) {
        passwordHash = newHash;
    }

    public boolean isLockedOutAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Ends a lock-out and forgets earlier wrong passwords, as an administrator's unlock does. */
    public void endLockOut() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public String getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isSigningActive() {
        return signingActive;
    }

    public boolean isSigningDefaultActive() {
        return signingDefaultActive;
    }

    /** Keeps the sealed signing secret of push notifications, or forgets it (both null). */
    public void changeNotificationSecret(String masterKeyId, String sealed) {
        this.notificationSecret = sealed;
        this.notificationKeyId = masterKeyId;
    }

    public String getNotificationSecret() {
        return notificationSecret;
    }

    public String getNotificationKeyId() {
        return notificationKeyId;
    }

    public String getNotificationUrl() {
        return notificationUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
