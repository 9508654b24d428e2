package org.signet.pki;

import java.time.Instant;
import java.util.List;

/**
 * What Signet tells about a certificate: never key material.
 *
 * @param id the stored certificate's id, {@code null} before it is stored
 * @param addresses lower-cased sender addresses from rfc822Name SANs and the subject emailAddress
 * @param serial the serial number in lower-case hex
 * @param fingerprint SHA-256 of the DER encoding in lower-case hex
 * @param keyAlgorithm algorithm and size or curve, such as {@code RSA 2048} or {@code EC P-256}
 */
public record CertificateSummary(
        Long id,
        List<String> addresses,
        String subject,
        String issuer,
        String serial,
        Instant notBefore,
        Instant notAfter,
        String fingerprint,
        String keyAlgorithm,
        CertificateStatus status) {

    public CertificateSummary {
        addresses = List.copyOf(addresses);
    }

    public CertificateSummary withId(Long newId) {
        return new CertificateSummary(
                newId,
                addresses,
                subject,
                issuer,
                serial,
                notBefore,
                notAfter,
                fingerprint,
                keyAlgorithm,
                status);
    }
}
