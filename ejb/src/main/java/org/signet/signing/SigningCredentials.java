package org.signet.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A signing key and the certificate chain that travels with every signature.
 *
 * <p>The chain starts with the end-entity certificate that belongs to the key, followed by the
 * intermediate CAs; the root may be included. All of it is embedded in the signature, because a
 * recipient who trusts only the root needs the intermediates to build a path (RFC 8551 2.4.2 asks
 * senders to include what the recipient cannot be assumed to have).
 *
 * @param privateKey the key of the end-entity certificate, RSA or EC
 * @param chain end entity first, then intermediates, optionally the root
 */
public record SigningCredentials(PrivateKey privateKey, List<X509Certificate> chain) {

    /**
     * @throws IllegalArgumentException if the chain is empty or the key type cannot sign
     */
    public SigningCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The certificate chain is empty");
        }

        SigningDigest.forKey(chain.get(0).getPublicKey());
    }

    /** The end-entity certificate whose key signs. */
    public X509Certificate signerCertificate() {
        return chain.get(0);
    }

    /** Names the signer and the chain length; never prints key material. */
    @Override
    public String toString() {
        return "SigningCredentials[signer="
                + signerCertificate().getSubjectX500Principal().getName()
                + ", serial="
                + signerCertificate().getSerialNumber().toString(16)
                + ", chain length="
                + chain.size()
                + "]";
    }
}
