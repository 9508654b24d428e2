package org.signet.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate file that passed every check: the private key, the chain ordered end entity first,
 * and the summary of the end entity. {@link #toString()} shows no key material.
 */
public record ImportedCertificate(
        PrivateKey privateKey, List<X509Certificate> chain, CertificateSummary summary) {

    public ImportedCertificate {
        chain = List.copyOf(chain);
    }

    public X509Certificate endEntity() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ImportedCertificate[" + summary.fingerprint() + ", chain of " + chain.size() + "]";
    }
}
