package org.signet.pki;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A customer's signing certificate with its chain and its private key sealed under a master key.
 * The sender addresses live in {@code certificate_address} so that finding the certificates of a
 * sender is an indexed query.
 */
@Entity
@Table(name = "certificate")
@NamedQuery(
        name = StoredCertificate.OF_CUSTOMER,
        query =
                "SELECT c FROM StoredCertificate c WHERE c.customerId = :customerId"
                        + " ORDER BY c.notAfter DESC, c.id")
@NamedQuery(
        name = StoredCertificate.BY_FINGERPRINT,
        query =
                "SELECT c FROM StoredCertificate c WHERE c.customerId = :customerId"
                        + " AND c.fingerprint = :fingerprint")
// No DISTINCT: H2 cannot compare the CLOB columns, and (certificate_id, address) is the key of
// certificate_address, so the join gives each certificate at most once.
@NamedQuery(
        name = StoredCertificate.FOR_SENDER,
        query =
                "SELECT c FROM StoredCertificate c JOIN c.addresses a"
                        + " WHERE c.customerId = :customerId AND a = :address")
@NamedQuery(
        name = StoredCertificate.NOT_SEALED_UNDER,
        query = "SELECT c FROM StoredCertificate c WHERE c.masterKeyId <> :masterKeyId")
public class StoredCertificate {

    static final String OF_CUSTOMER = "StoredCertificate.ofCustomer";
    static final String BY_FINGERPRINT = "StoredCertificate.byFingerprint";
    static final String FOR_SENDER = "StoredCertificate.forSender";
    static final String NOT_SEALED_UNDER = "StoredCertificate.notSealedUnder";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_seq")
    @SequenceGenerator(
            name = "certificate_seq",
            sequenceName = "certificate_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    @Column(nullable = false, length = 2000)
    private String subject;

    @Column(nullable = false, length = 2000)
    private String issuer;

    @Column(nullable = false, length = 128)
    private String serial;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "key_algorithm", nullable = false, length = 32)
    private String keyAlgorithm;

    @Lob
    @Column(name = "chain_pem", nullable = false)
    private String chainPem;

    @Lob
    @Column(name = "sealed_key", nullable = false)
    private String sealedKey;

    @Column(name = "master_key_id", nullable = false, length = 64)
    private String masterKeyId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            name = "certificate_address",
            joinColumns = @JoinColumn(name = "certificate_id"))
    @Column(name = "address", nullable = false, length = 320)
    private Set<String> addresses = new HashSet<>();

    @Version private long version;

    protected StoredCertificate() {}

    StoredCertificate(
            Long customerId, ImportedCertificate imported, SealedKey sealedKey, Instant createdAt) {
        var summary = imported.summary();
        this.customerId = customerId;
        this.fingerprint = summary.fingerprint();
        this.subject = summary.subject();
        this.issuer = summary.issuer();
        this.serial = summary.serial();
        this.notBefore = summary.notBefore();
        this.notAfter = summary.notAfter();
        this.keyAlgorithm = summary.keyAlgorithm();
        this.chainPem = PemChain.write(imported.chain());
        this.addresses = new HashSet<>(summary.addresses());
        this.createdAt = createdAt;
        sealWith(sealedKey);
    }

    CertificateSummary summary(Instant now) {
        var sorted = new ArrayList<>(addresses);
        sorted.sort(null);
        return new CertificateSummary(
                id,
                sorted,
                subject,
                issuer,
                serial,
                notBefore,
                notAfter,
                fingerprint,
                keyAlgorithm,
                CertificateStatus.at(now, notBefore, notAfter));
    }

    SealedKey sealedKey() {
        return new SealedKey(masterKeyId, sealedKey);
    }

    void sealWith(SealedKey sealed) {
        this.sealedKey = sealed.sealed();
        this.masterKeyId = sealed.masterKeyId();
    }

    List<X509Certificate> chain() {
        return PemChain.read(chainPem);
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getMasterKeyId() {
        return masterKeyId;
    }
}
