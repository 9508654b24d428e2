package org.signet.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the signer needs for one sender: the private key and the chain, end entity first (clients
 * show "unknown CA" without the intermediates). {@link #toString()} shows no key material.
 */
public record SigningKey(
        PrivateKey privateKey, List<X509Certificate> chain, CertificateSummary certificate) {

    public SigningKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate endEntity() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate.fingerprint() + ", chain of " + chain.size() + "]";
    }
}
