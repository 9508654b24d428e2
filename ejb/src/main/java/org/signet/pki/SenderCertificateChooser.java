package org.signet.pki;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the certificate that signs for an envelope sender. Addresses compare case-insensitively
 * (the domain always, the local part in practice); among the certificates valid now, the one that
 * stays valid longest wins. An expired or not yet valid certificate never wins.
 */
public final class SenderCertificateChooser {

    private SenderCertificateChooser() {}

    public static Optional<CertificateSummary> choose(
            List<CertificateSummary> candidates, String sender, Instant now) {
        if (sender == null || sender.isBlank()) {
            return Optional.empty();
        }
        var address = CertificateFacts.normalised(sender);

        return candidates.stream()
                .filter(candidate -> candidate.addresses().contains(address))
                .filter(candidate -> validAt(candidate, now))
                .max(
                        Comparator.comparing(CertificateSummary::notAfter)
                                .thenComparing(CertificateSummary::notBefore));
    }

    private static boolean validAt(CertificateSummary candidate, Instant now) {
        return CertificateStatus.at(now, candidate.notBefore(), candidate.notAfter()).maySign();
    }
}
