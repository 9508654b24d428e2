package org.signet.notification;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.account.Customer;
import org.signet.account.TechnicalAccount;
import org.signet.pki.CertificateSummary;
import org.signet.pki.CustomerPki;
import org.signet.platform.JsonSupport;
import org.signet.tracking.Timestamps;

/**
 * Warnings of certificates that expire within 30, 7 and 1 days: found, recorded once per threshold,
 * and turned into the certificate notification that goes to a customer's endpoints. Also tells
 * which senders of an account's recent jobs would be dropped for want of a certificate.
 */
@Stateless
public class CertificateWarnings {

    private static final Logger LOG = Logger.getLogger(CertificateWarnings.class.getName());

    /** Warned at these many days before a certificate ends, the nearest one that applies. */
    static final List<Integer> THRESHOLDS = List.of(1, 7, 30);

    static final String VERSION = "1";

    @PersistenceContext private EntityManager em;

    @EJB private CustomerPki pki;

    /** A customer's certificate notification and where it goes. */
    public record Push(
            Long customerId,
            String customerNo,
            String json,
            List<CertificateWarning.Key> warnings,
            List<TechnicalAccount> accounts) {}

    /** Records a warning for each certificate that reached a threshold it was not warned at. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int record(Instant now) {
        var longest = THRESHOLDS.get(THRESHOLDS.size() - 1);
        var recorded = 0;
        for (var expiring : pki.expiringBy(now.plus(Duration.ofDays(longest)))) {
            var summary = expiring.summary();
            var left = Duration.between(now, summary.notAfter());
            var threshold =
                    THRESHOLDS.stream()
                            .filter(days -> left.compareTo(Duration.ofDays(days)) <= 0)
                            .findFirst();
            if (threshold.isEmpty()
                    || em.find(
                                    CertificateWarning.class,
                                    new CertificateWarning.Key(summary.id(), threshold.get()))
                            != null) {
                continue;
            }
            var daysLeft = daysLeft(now, summary.notAfter());
            em.persist(
                    new CertificateWarning(
                            summary.id(), threshold.get(), expiring.customerId(), daysLeft, now));
            recorded++;
            LOG.log(
                    Level.WARNING,
                    "Certificate {0} of customer id {1} for {2} expires in {3} days ({4})",
                    new Object[] {
                        summary.fingerprint(),
                        expiring.customerId(),
                        summary.addresses(),
                        daysLeft,
                        Timestamps.format(summary.notAfter())
                    });
        }
        return recorded;
    }

    /** The notifications still owed, one per customer, with the accounts whose endpoint gets it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Push> pending(Instant now) {
        var byCustomer = new LinkedHashMap<Long, List<CertificateWarning>>();
        em.createQuery(
                        "SELECT w FROM CertificateWarning w WHERE w.pushedAt IS NULL"
                                + " ORDER BY w.customerId, w.certificateId",
                        CertificateWarning.class)
                .getResultStream()
                .forEach(
                        w ->
                                byCustomer
                                        .computeIfAbsent(w.getCustomerId(), id -> new ArrayList<>())
                                        .add(w));
        var pushes = new ArrayList<Push>();
        byCustomer.forEach(
                (customerId, warnings) -> {
                    var customer = em.find(Customer.class, customerId);
                    var certificates = JsonSupport.PROVIDER.createArrayBuilder();
                    var keys = new ArrayList<CertificateWarning.Key>();
                    for (var warning : warnings) {
                        keys.add(
                                new CertificateWarning.Key(
                                        warning.getCertificateId(), warning.getThresholdDays()));
                        pki.find(customerId, warning.getCertificateId())
                                .ifPresent(c -> certificates.add(entry(c, now)));
                    }
                    var json =
                            JsonSupport.PROVIDER
                                    .createObjectBuilder()
                                    .add(
                                            "meta",
                                            JsonSupport.PROVIDER
                                                    .createObjectBuilder()
                                                    .add("customerNo", customer.getCustomerNo())
                                                    .add("version", VERSION))
                                    .add("certificates", certificates)
                                    .build()
                                    .toString();
                    var accounts =
                            em.createNamedQuery(
                                            TechnicalAccount.OF_CUSTOMER, TechnicalAccount.class)
                                    .setParameter("customerId", customerId)
                                    .getResultStream()
                                    .filter(a -> a.getNotificationUrl() != null)
                                    .toList();
                    pushes.add(
                            new Push(customerId, customer.getCustomerNo(), json, keys, accounts));
                });
        return pushes;
    }

    /** Marks a customer's warnings as told. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void pushed(List<CertificateWarning.Key> warnings, Instant at) {
        for (var key : warnings) {
            Optional.ofNullable(em.find(CertificateWarning.class, key))
                    .ifPresent(w -> w.pushed(at));
        }
    }

    /** The latest warning of each of the customer's certificates, by certificate id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, CertificateWarning> latest(Long customerId) {
        var latest = new LinkedHashMap<Long, CertificateWarning>();
        em.createQuery(
                        "SELECT w FROM CertificateWarning w WHERE w.customerId = :customerId"
                                + " ORDER BY w.warnedAt",
                        CertificateWarning.class)
                .setParameter("customerId", customerId)
                .getResultStream()
                .forEach(w -> latest.put(w.getCertificateId(), w));
        return latest;
    }

    /**
     * The envelope senders of the account's jobs of the last 30 days for which the customer holds
     * no valid certificate today: their mails would be dropped if they asked for a signature.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> sendersWithoutCertificate(String accountId, Long customerId, Instant now) {
        return em.createQuery(
                        "SELECT DISTINCT m.envelopeFrom FROM Mail m WHERE m.job.customer.id ="
                                + " :customerId AND m.job.accountId = :accountId"
                                + " AND m.job.receivedAt >= :since",
                        String.class)
                .setParameter("customerId", customerId)
                .setParameter("accountId", accountId)
                .setParameter("since", now.minus(Duration.ofDays(30)))
                .setMaxResults(1000)
                .getResultStream()
                .map(sender -> sender.toLowerCase(Locale.ROOT))
                .distinct()
                .filter(sender -> !pki.canSignFor(customerId, sender))
                .sorted()
                .toList();
    }

    private static jakarta.json.JsonObject entry(CertificateSummary certificate, Instant now) {
        var addresses = JsonSupport.PROVIDER.createArrayBuilder();
        certificate.addresses().forEach(addresses::add);
        return JsonSupport.PROVIDER
                .createObjectBuilder()
                .add("id", certificate.id())
                .add("senderAddresses", addresses)
                .add("notAfter", Timestamps.format(certificate.notAfter()))
                .add("daysLeft", daysLeft(now, certificate.notAfter()))
                .build();
    }

    /** Whole days left, rounded up: a certificate that ends in 6 days and 2 hours has 7. */
    static int daysLeft(Instant now, Instant notAfter) {
        var hours = Duration.between(now, notAfter).toHours();
        return (int) Math.max(0, (hours + 23) / 24);
    }
}
