package org.signet.web.rest;

import java.util.List;
import org.signet.pki.CertificateSummary;
import org.signet.tracking.Timestamps;

/** A stored certificate as the API shows it: never any key material. */
public record CertificateView(
        Long id,
        List<String> senderAddresses,
        String subject,
        String issuer,
        String serial,
        String notBefore,
        String notAfter,
        String sha256Fingerprint,
        String keyAlgorithm,
        String status) {

    static CertificateView of(CertificateSummary summary) {
        return new CertificateView(
                summary.id(),
                summary.addresses(),
                summary.subject(),
                summary.issuer(),
                summary.serial(),
                Timestamps.format(summary.notBefore()),
                Timestamps.format(summary.notAfter()),
                summary.fingerprint(),
                summary.keyAlgorithm(),
                summary.status().name());
    }
}
