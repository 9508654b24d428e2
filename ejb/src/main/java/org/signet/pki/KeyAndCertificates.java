package org.signet.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The private key and every certificate found in a file, in file order, not yet checked. */
record KeyAndCertificates(PrivateKey privateKey, List<X509Certificate> certificates) {

    KeyAndCertificates {
        certificates = List.copyOf(certificates);
    }

    @Override
    public String toString() {
        return "KeyAndCertificates["
                + privateKey.getAlgorithm()
                + " key, "
                + certificates.size()
                + " certificates]";
    }
}
