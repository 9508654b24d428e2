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

/** A person who signs in to the console: an administrator, or a user of one customer. */
@Entity
@Table(name = "console_user")
@NamedQuery(
        name = ConsoleUser.OF_CUSTOMER,
        query = "SELECT u FROM ConsoleUser u WHERE u.customer.id = :customerId ORDER BY u.username")
public class ConsoleUser {

    public static final String OF_CUSTOMER = "ConsoleUser.ofCustomer";

    /** What a console user's name may be made of, for the API and the console alike. */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{3,100}";

    public static final String USERNAME_RULE = "3 to 100 letters, digits or ._@-";

    @Id
    @Column(length = 100)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ConsoleRole role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version private long version;

    protected ConsoleUser() {}

    public ConsoleUser(
            String username,
            ConsoleRole role,
            Customer customer,
            String passwordHash,
            Instant createdAt) {
        this.username = username;
        this.role = role;
        this.customer = customer;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public String getUsername() {
        return username;
    }

    public ConsoleRole getRole() {
        return role;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getPasswordHash() {
        return passwordHash;
    }
}
