package org.signet.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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
        name = TechnicalAccount.OF_CUSTOMER,
        query = "SELECT a FROM TechnicalAccount a WHERE a.customer.id = :customerId ORDER BY a.id")
public class TechnicalAccount {

    public static final String OF_CUSTOMER = "TechnicalAccount.ofCustomer";

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    public String getNotificationUrl() {
        return notificationUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
