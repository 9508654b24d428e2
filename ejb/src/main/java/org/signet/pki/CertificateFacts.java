package org.signet.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Reads the facts Signet shows and decides on from an X.509 certificate. */
final class CertificateFacts {

    private static final int GENERAL_NAME_RFC822 = 1;

    private static final Map<ASN1ObjectIdentifier, String> SUPPORTED_CURVES =
            Map.of(
                    SECObjectIdentifiers.secp256r1, "P-256",
                    SECObjectIdentifiers.secp384r1, "P-384",
                    SECObjectIdentifiers.secp521r1, "P-521");

    static final int SMALLEST_RSA_BITS = 2048;

    private CertificateFacts() {}

    static CertificateSummary summary(X509Certificate certificate, Long id, Instant now) {
        var notBefore = certificate.getNotBefore().toInstant();
        var notAfter = certificate.getNotAfter().toInstant();
        return new CertificateSummary(
                id,
                senderAddresses(certificate),
                subject(certificate),
                issuer(certificate),
                certificate.getSerialNumber().toString(16),
                notBefore,
                notAfter,
                fingerprint(certificate),
                keyAlgorithm(certificate).orElse("unsupported"),
                CertificateStatus.at(now, notBefore, notAfter));
    }

    /** Lower-cased addresses from rfc822Name SANs first, then from the subject's emailAddress. */
    static List<String> senderAddresses(X509Certificate certificate) {
        var addresses = new LinkedHashSet<String>();
        alternativeEmailNames(certificate).forEach(name -> addresses.add(normalised(name)));
        for (var rdn : subjectName(certificate).getRDNs(BCStyle.EmailAddress)) {
            addresses.add(normalised(IETFUtils.valueToString(rdn.getFirst().getValue())));
        }
        addresses.remove("");
        return new ArrayList<>(addresses);
    }

    static String normalised(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    static String subject(X509Certificate certificate) {
        return subjectName(certificate).toString();
    }

    static String issuer(X509Certificate certificate) {
        return X500Name.getInstance(BCStyle.INSTANCE, issuerEncoding(certificate)).toString();
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot compute the certificate fingerprint", e);
        }
    }

    /**
     * The key algorithm as shown to customers, or empty when Signet does not sign with it: RSA of
     * at least 2048 bits and the NIST curves P-256, P-384 and P-521 are supported.
     */
    static Optional<String> keyAlgorithm(X509Certificate certificate) {
        var info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        var algorithm = info.getAlgorithm().getAlgorithm();

        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            var bits = rsa.getModulus().bitLength();
            return bits >= SMALLEST_RSA_BITS ? Optional.of("RSA " + bits) : Optional.empty();
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)
                && info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
            return Optional.ofNullable(SUPPORTED_CURVES.get(curve)).map(name -> "EC " + name);
        }
        return Optional.empty();
    }

    /** A readable name of the key for refusals, such as "RSA 1024 bits" or "DSA". */
    static String keyDescription(X509Certificate certificate) {
        var key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        return key.getAlgorithm();
    }

    private static List<String> alternativeEmailNames(X509Certificate certificate) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream()
                    .filter(name -> ((Integer) name.get(0)) == GENERAL_NAME_RFC822)
                    .map(name -> (String) name.get(1))
                    .toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static X500Name subjectName(X509Certificate certificate) {
        return X500Name.getInstance(
                BCStyle.INSTANCE, certificate.getSubjectX500Principal().getEncoded());
    }

    private static byte[] issuerEncoding(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getEncoded();
    }
}
