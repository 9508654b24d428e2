package org.signet.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A company that uses Signet: it owns technical accounts, console users and a PKI. */
@Entity
@Table(name = "customer")
@NamedQuery(name = Customer.ALL, query = "SELECT c FROM Customer c ORDER BY c.id")
@NamedQuery(
        name = Customer.BY_NUMBER,
        query = "SELECT c FROM Customer c WHERE c.customerNo = :customerNo")
public class Customer {

    public static final String BY_NUMBER = "Customer.byNumber";
    public static final String ALL = "Customer.all";

    /** The longest name a customer may have (the column's size). */
    public static final int NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_no", nullable = false, unique = true, length = 32)
    private String customerNo;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "self_service_pki", nullable = false)
    private boolean selfServicePki;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version private long version;

    protected Customer() {}

    public Customer(String name, boolean selfServicePki, Instant createdAt) {
        this.name = name;
        this.selfServicePki = selfServicePki;
        this.createdAt = createdAt;
    }

    /** Gives the customer its public number once the sequence has given it an id. */
    void numberFromId() {
        if (id == null) {
            throw new IllegalStateException("customer has no id yet: persist it first");
        }
        customerNo = "C%06d".formatted(id);
    }

    public void rename(String newName) {
        name = newName;
    }

    public void switchSelfServicePki(boolean on) {
        selfServicePki = on;
    }

    public Long getId() {
        return id;
    }

    public String getCustomerNo() {
        return customerNo;
    }

    public String getName() {
        return name;
    }

    public boolean isSelfServicePki() {
        return selfServicePki;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
