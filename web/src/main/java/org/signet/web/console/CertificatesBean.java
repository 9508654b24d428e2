package org.signet.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.primefaces.model.file.UploadedFile;
import org.signet.account.AccountAdministration;
import org.signet.account.Customer;
import org.signet.notification.CertificateWarning;
import org.signet.notification.CertificateWarnings;
import org.signet.pki.CertificateImportException;
import org.signet.pki.CertificateStatus;
import org.signet.pki.CertificateSummary;
import org.signet.pki.CustomerPki;
import org.signet.tracking.Timestamps;

/**
 * The self-service certificate tool: upload a PKCS#12 or PEM file, list the certificates with their
 * addresses, issuer, validity and status (those expiring within 30 days stand out), delete one.
 * Administrators manage any customer's PKI; a customer user its own, once self-service PKI is on.
 */
@Named
@ViewScoped
public class CertificatesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB private CustomerPki pki;

    @EJB private AccountAdministration administration;

    @EJB private CertificateWarnings warnings;

    @Inject private ConsoleScope console;

    private String customerNo;
    private Long customerId;
    private String customerName;
    private transient UploadedFile file;
    private String password;
    private List<CertificateSummary> certificates = List.of();
    private java.util.Map<Long, CertificateWarning> warned = java.util.Map.of();

    /** Finds whose PKI this is: the URL's customer for administrators, else the user's own. */
    public void open() {
        var scope = console.customerScope();
        Optional<Customer> customer;
        if (scope != null) {
            customer = administration.customerById(scope);
        } else if (customerNo != null) {
            customer = administration.customer(customerNo.strip());
        } else {
            customer = Optional.empty();
        }
        if (customer.isEmpty()) {
            Messages.answer(404, "No such customer");
            return;
        }
        if (scope != null && !customer.get().isSelfServicePki()) {
            Messages.answer(403, "Self-service PKI is not switched on for your customer");
            return;
        }
        customerId = customer.get().getId();
        customerNo = customer.get().getCustomerNo();
        customerName = customer.get().getName();
        reload();
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Messages.error("upload:file", "Choose a PKCS#12 (.p12, .pfx) or PEM file.");
            return;
        }
        if (file.getSize() > CustomerPki.MAX_FILE_BYTES) {
            Messages.error(
                    "upload:file",
                    "A certificate file has at most %d KiB."
                            .formatted(CustomerPki.MAX_FILE_BYTES / 1024));
            return;
        }
        byte[] content;
        try (var in = file.getInputStream()) {
            content = in.readNBytes(CustomerPki.MAX_FILE_BYTES);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uploaded certificate file", e);
        }
        var secret = password == null || password.isEmpty() ? null : password.toCharArray();
        try {
            var stored = pki.importCertificate(customerId, content, secret);
            Messages.info("Certificate for " + String.join(", ", stored.addresses()) + " stored.");
        } catch (CertificateImportException e) {
            Messages.error("upload:file", e.detail());
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            password = null;
            file = null;
        }
        reload();
    }

    public void delete(Long certificateId) {
        if (pki.delete(customerId, certificateId)) {
            Messages.info("Certificate deleted.");
        }
        reload();
    }

    public String addresses(CertificateSummary certificate) {
        return String.join(", ", certificate.addresses());
    }

    public boolean expiringSoon(CertificateSummary certificate) {
        return certificate.status() == CertificateStatus.EXPIRING;
    }

    public String format(java.time.Instant instant) {
        return Timestamps.format(instant);
    }

    private void reload() {
        certificates = pki.list(customerId);
        warned = new java.util.HashMap<>(warnings.latest(customerId));
    }

    /** The expiry watch's latest warning of the certificate, or nothing. */
    public String warning(CertificateSummary certificate) {
        var warning = warned.get(certificate.id());
        if (warning == null) {
            return "";
        }
        return "%d days left on %s%s"
                .formatted(
                        warning.getDaysLeft(),
                        Timestamps.format(warning.getWarnedAt()).substring(0, 10),
                        warning.getPushedAt() == null ? ", not pushed yet" : ", pushed");
    }

    public List<CertificateSummary> getCertificates() {
        return certificates;
    }

    public String getCustomerNo() {
        return customerNo;
    }

    public void setCustomerNo(String customerNo) {
        this.customerNo = customerNo;
    }

    public String getCustomerName() {
        return customerName;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
