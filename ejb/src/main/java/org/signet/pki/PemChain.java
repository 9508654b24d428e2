package org.signet.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** A certificate chain as PEM text, end entity first, as the chain is stored. */
final class PemChain {

    private static final Base64.Encoder MIME_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemChain() {}

    static String write(List<X509Certificate> chain) {
        var pem = new StringBuilder();
        for (var certificate : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(MIME_BASE64.encodeToString(encoded(certificate)))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    static List<X509Certificate> read(String pem) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            return factory
                    .generateCertificates(
                            new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (CertificateException e) {
            throw new IllegalStateException("A stored certificate chain cannot be read", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A certificate cannot be encoded", e);
        }
    }
}
