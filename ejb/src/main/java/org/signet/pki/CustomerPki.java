package org.signet.pki;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.signet.account.Customer;
import org.signet.audit.AuditAction;
import org.signet.audit.AuditTrail;
import org.signet.platform.Settings;
import org.signet.signing.SignatureProvider;

/**
 * A customer's PKI: import, list and delete its signing certificates, find the key that signs for a
 * sender, and re-seal every private key after a master key rotation. Every method takes the
 * customer's id and only ever sees that customer's certificates.
 */
@Stateless
public class CustomerPki {

    private static final Logger LOG = Logger.getLogger(CustomerPki.class.getName());

    /** Certificate files are a few kilobytes; anything larger than this is not one. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private final Clock clock = Clock.systemUTC();

    @PersistenceContext private EntityManager em;

    @EJB private AuditTrail audit;

    /**
     * Checks and stores a certificate file with its chain and its private key sealed under the
     * current master key. Importing a certificate the customer already has answers the stored one.
     *
     * @param file PKCS#12 or PEM bytes, format detected from the content
     * @param password the file's password, null for an unencrypted PEM text
     * @throws CertificateImportException with the reason when the file cannot sign mail
     * @throws IllegalArgumentException when there is no such customer
     */
    public CertificateSummary importCertificate(Long customerId, byte[] file, char[] password) {
        var customer = customer(customerId);
        var imported = new CertificateImport(clock).read(file, password);
        var fingerprint = imported.summary().fingerprint();

        var existing = byFingerprint(customerId, fingerprint);
        if (existing.isPresent()) {
            LOG.log(
                    Level.INFO,
                    "Certificate {0} already stored for customer {1}: nothing imported",
                    new Object[] {fingerprint, customer.getCustomerNo()});
            return existing.get().summary(clock.instant());
        }

        var stored = new StoredCertificate(customerId, imported, seal(imported), clock.instant());
        em.persist(stored);

        LOG.log(
                Level.INFO,
                "Certificate {0} imported for customer {1}: {2}",
                new Object[] {
                    fingerprint, customer.getCustomerNo(), imported.summary().addresses()
                });
        audit.record(
                AuditAction.CERTIFICATE_IMPORTED,
                customer.getCustomerNo(),
                "certificate " + fingerprint + " for " + imported.summary().addresses());
        return stored.summary(clock.instant());
    }

    /** The customer's certificates, the longest valid first. */
    public List<CertificateSummary> list(Long customerId) {
        var now = clock.instant();
        return em.createNamedQuery(StoredCertificate.OF_CUSTOMER, StoredCertificate.class)
                .setParameter("customerId", customerId)
                .getResultStream()
                .map(stored -> stored.summary(now))
                .toList();
    }

    /** The certificate with this id if the customer owns it; empty for other customers' ids. */
    public Optional<CertificateSummary> find(Long customerId, Long certificateId) {
        return owned(customerId, certificateId).map(stored -> stored.summary(clock.instant()));
    }

    /** Deletes the certificate and its sealed key; false when the customer owns no such id. */
    public boolean delete(Long customerId, Long certificateId) {
        var stored = owned(customerId, certificateId);
        stored.ifPresent(em::remove);

        stored.ifPresent(
                removed -> {
                    LOG.log(
                            Level.INFO,
                            "Certificate {0} deleted for customer id {1}",
                            new Object[] {removed.getFingerprint(), customerId});
                    audit.record(
                            AuditAction.CERTIFICATE_DELETED,
                            customer(customerId).getCustomerNo(),
                            "certificate " + removed.getFingerprint());
                });
        return stored.isPresent();
    }

    /**
     * The private key and chain that sign for an envelope sender: among the customer's currently
     * valid certificates for that address, the one that stays valid longest.
     *
     * @return empty when no valid certificate of the customer names the sender
     * @throws KeySealingException when the chosen key does not open (unknown master key, altered)
     */
    public Optional<SigningKey> signingKeyFor(Long customerId, String senderAddress) {
        var address = CertificateFacts.normalised(senderAddress);
        var candidates =
                em.createNamedQuery(StoredCertificate.FOR_SENDER, StoredCertificate.class)
                        .setParameter("customerId", customerId)
                        .setParameter("address", address)
                        .getResultList();
        var now = clock.instant();

        var chosen =
                SenderCertificateChooser.choose(
                        candidates.stream().map(stored -> stored.summary(now)).toList(),
                        address,
                        now);

        return chosen.map(
                summary ->
                        signingKey(
                                candidates.stream()
                                        .filter(stored -> stored.getId().equals(summary.id()))
                                        .findFirst()
                                        .orElseThrow(),
                                summary));
    }

    /** A certificate of some customer that ends within a period. */
    public record ExpiringCertificate(Long customerId, CertificateSummary summary) {}

    /** Every customer's certificates still valid now that end by {@code until}, soonest first. */
    public List<ExpiringCertificate> expiringBy(java.time.Instant until) {
        var now = clock.instant();
        return em.createQuery(
                        "SELECT c FROM StoredCertificate c WHERE c.notAfter > :now"
                                + " AND c.notAfter <= :until ORDER BY c.notAfter, c.id",
                        StoredCertificate.class)
                .setParameter("now", now)
                .setParameter("until", until)
                .getResultStream()
                .map(stored -> new ExpiringCertificate(stored.getCustomerId(), stored.summary(now)))
                .toList();
    }

    /** Whether a valid certificate of the customer would sign for this sender now. */
    public boolean canSignFor(Long customerId, String senderAddress) {
        var now = clock.instant();
        return em.createNamedQuery(StoredCertificate.FOR_SENDER, StoredCertificate.class)
                .setParameter("customerId", customerId)
                .setParameter("address", senderAddress.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultStream()
                .anyMatch(stored -> stored.summary(now).status().maySign());
    }

    /**
     * What a master key rotation did: keys re-sealed, and the certificates whose key did not open.
     */
    public record Rotation(int resealed, List<String> unopenedFingerprints) {}

    /**
     * Re-seals every private key that is not yet sealed under the current master key, after an
     * operator added a key to the key file and made it current. A key that does not open (altered
     * in the database, or sealed under a master key no longer in the file) is left as it is and
     * reported, so that one damaged row does not hold every other key on the old master key.
     */
    public Rotation rotateMasterKey() {
        var sealer = new KeySealer(masterKeys());
        var current = sealer.currentMasterKeyId();
        // TODO [Pki] one transaction for all rows: fine for hundreds, batch it for many thousands
        var rows =
                em.createNamedQuery(StoredCertificate.NOT_SEALED_UNDER, StoredCertificate.class)
                        .setParameter("masterKeyId", current)
                        .getResultList();

        var unopened = new ArrayList<String>();
        for (var row : rows) {
            try {
                row.sealWith(sealer.reseal(row.sealedKey(), row.getFingerprint()));
            } catch (KeySealingException e) {
                unopened.add(row.getFingerprint());
                LOG.log(
                        Level.WARNING,
                        "Master key rotation: the private key of certificate {0} (customer id {1})"
                                + " does not open and stays as it is: {2}",
                        new Object[] {row.getFingerprint(), row.getCustomerId(), e.getMessage()});
            }
        }

        var resealed = rows.size() - unopened.size();
        LOG.log(
                Level.INFO,
                "Master key rotation: {0} private keys re-sealed under master key {1}, {2} did not"
                        + " open",
                new Object[] {resealed, current, unopened.size()});
        audit.record(
                AuditAction.MASTER_KEY_ROTATED,
                "master key " + current,
                resealed + " private keys re-sealed, " + unopened.size() + " did not open");
        // the re-sealed keys are found under their new sealed text; the old entries go now
        OpenedKeys.forget();
        return new Rotation(resealed, List.copyOf(unopened));
    }

    /**
     * Seals a customer's secret that is not a key, such as the password of a notification endpoint,
     * under the current master key; {@code context} binds it to its owner (a job id).
     */
    public SealedKey sealSecret(byte[] secret, String context) {
        return new KeySealer(masterKeys()).seal(secret, "secret:" + context);
    }

    /** Opens a secret sealed with {@link #sealSecret} for the same {@code context}. */
    public byte[] openSecret(SealedKey sealed, String context) {
        return new KeySealer(masterKeys()).unseal(sealed, "secret:" + context);
    }

    private SigningKey signingKey(StoredCertificate stored, CertificateSummary summary) {
        var key =
                OpenedKeys.of(
                        stored.getFingerprint(), stored.sealedKey(), () -> unsealedKey(stored));
        return new SigningKey(key, stored.chain(), summary);
    }

    /** The key as an object of the provider that signs with it (no conversion per signature). */
    private static PrivateKey unsealedKey(StoredCertificate stored) {
        var pkcs8 = new KeySealer(masterKeys()).unseal(stored.sealedKey(), stored.getFingerprint());
        try {
            return SignatureProvider.chosen()
                    .own(CertificateFileReader.privateKey(PrivateKeyInfo.getInstance(pkcs8)));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private SealedKey seal(ImportedCertificate imported) {
        var pkcs8 = imported.privateKey().getEncoded();
        try {
            return new KeySealer(masterKeys()).seal(pkcs8, imported.summary().fingerprint());
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Read on every use: opened keys are kept (OpenedKeys), so this is once per key, not mail. */
    private static MasterKeys masterKeys() {
        var file =
                Settings.value(Settings.PKI_MASTER_KEY_FILE)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "The setting "
                                                        + Settings.PKI_MASTER_KEY_FILE
                                                        + " names no master key file"));
        return MasterKeyFile.load(Path.of(file));
    }

    private Customer customer(Long customerId) {
        var customer = em.find(Customer.class, customerId);
        if (customer == null) {
            throw new IllegalArgumentException("No customer with id " + customerId);
        }
        return customer;
    }

    private Optional<StoredCertificate> byFingerprint(Long customerId, String fingerprint) {
        return em.createNamedQuery(StoredCertificate.BY_FINGERPRINT, StoredCertificate.class)
                .setParameter("customerId", customerId)
                .setParameter("fingerprint", fingerprint)
                .getResultStream()
                .findFirst();
    }

    private Optional<StoredCertificate> owned(Long customerId, Long certificateId) {
        if (certificateId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(StoredCertificate.class, certificateId))
                .filter(stored -> stored.getCustomerId().equals(customerId));
    }
}
