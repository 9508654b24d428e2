package org.signet.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads a customer's S/MIME signing certificate from a PKCS#12 file or a PEM text and checks that
 * Signet can sign mail with it. Every refusal is a {@link CertificateImportException} with its
 * {@link ImportRefusal} and a sentence for the customer.
 */
public final class CertificateImport {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final Clock clock;

    public CertificateImport(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads and checks a certificate file.
     *
     * @param file PKCS#12 (DER) or PEM bytes; the format is detected from the content
     * @param password the file's password; may be null or empty for an unencrypted PEM text
     * @throws CertificateImportException when the file cannot be used for signing
     */
    public ImportedCertificate read(byte[] file, char[] password) {
        var content = new CertificateFileReader().read(file, password);
        var endEntity = endEntityOf(content);
        var now = clock.instant();

        checkKey(endEntity);
        checkKeyUsage(endEntity);
        checkExtendedKeyUsage(endEntity);
        checkAddresses(endEntity);
        checkValidity(endEntity, now);

        var chain = chainOf(endEntity, content.certificates());
        return new ImportedCertificate(
                content.privateKey(), chain, CertificateFacts.summary(endEntity, null, now));
    }

    private static X509Certificate endEntityOf(KeyAndCertificates content) {
        return content.certificates().stream()
                .filter(certificate -> belongTogether(content.privateKey(), certificate))
                .findFirst()
                .orElseThrow(
                        () ->
                                new CertificateImportException(
                                        ImportRefusal.KEY_DOES_NOT_MATCH_CERTIFICATE,
                                        "The private key belongs to none of the certificates"
                                                + " in the file."));
    }

    /**
     * Proves that the key pair matches by signing a random challenge and verifying it. The public
     * key is read with Bouncy Castle, which knows curves that the JDK no longer does.
     */
    static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        var algorithm = proofAlgorithm(key.getAlgorithm());
        var publicKeyAlgorithm = certificate.getPublicKey().getAlgorithm();
        if (algorithm.isEmpty() || !family(key.getAlgorithm()).equals(family(publicKeyAlgorithm))) {
            return false;
        }
        try {
            var challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);

            var signer = Signature.getInstance(algorithm.get(), BouncyCastle.PROVIDER);
            signer.initSign(key);
            signer.update(challenge);
            var proof = signer.sign();

            var verifier = Signature.getInstance(algorithm.get(), BouncyCastle.PROVIDER);
            verifier.initVerify(bouncyCastlePublicKey(certificate));
            verifier.update(challenge);
            return verifier.verify(proof);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    private static PublicKey bouncyCastlePublicKey(X509Certificate certificate) throws IOException {
        var info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPublicKey(info);
    }

    private static Optional<String> proofAlgorithm(String keyAlgorithm) {
        return switch (family(keyAlgorithm)) {
            case "RSA" -> Optional.of("SHA256withRSA");
            case "EC" -> Optional.of("SHA256withECDSA");
            case "DSA" -> Optional.of("SHA256withDSA");
            case "Ed25519", "Ed448" -> Optional.of(keyAlgorithm);
            default -> Optional.empty();
        };
    }

    private static String family(String algorithm) {
        return "ECDSA".equals(algorithm) ? "EC" : algorithm;
    }

    private static void checkKey(X509Certificate endEntity) {
        if (CertificateFacts.keyAlgorithm(endEntity).isEmpty()) {
            throw new CertificateImportException(
                    ImportRefusal.UNSUPPORTED_KEY,
                    "The key (%s) is not supported: use RSA of at least %d bits or an EC key on"
                                    .formatted(
                                            CertificateFacts.keyDescription(endEntity),
                                            CertificateFacts.SMALLEST_RSA_BITS)
                            + " P-256, P-384 or P-521.");
        }
    }

    private static void checkKeyUsage(X509Certificate endEntity) {
        var usage = endEntity.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE]) {
            throw new CertificateImportException(
                    ImportRefusal.NO_DIGITAL_SIGNATURE_KEY_USAGE,
                    "The certificate's key usage does not allow digital signatures.");
        }
    }

    private static void checkExtendedKeyUsage(X509Certificate endEntity) {
        List<String> usages;
        try {
            usages = endEntity.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new CertificateImportException(
                    ImportRefusal.UNREADABLE,
                    "The certificate's extended key usage cannot be read.");
        }
        if (usages != null
                && !usages.contains(EMAIL_PROTECTION)
                && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
            throw new CertificateImportException(
                    ImportRefusal.NO_EMAIL_PROTECTION_EXTENDED_KEY_USAGE,
                    "The certificate's extended key usage does not allow e-mail protection.");
        }
    }

    private static void checkAddresses(X509Certificate endEntity) {
        if (CertificateFacts.senderAddresses(endEntity).isEmpty()) {
            throw new CertificateImportException(
                    ImportRefusal.NO_EMAIL_ADDRESS,
                    "The certificate names no e-mail address, neither as a subject alternative"
                            + " name nor in its subject.");
        }
    }

    private static void checkValidity(X509Certificate endEntity, Instant now) {
        var notBefore = endEntity.getNotBefore().toInstant();
        var notAfter = endEntity.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new CertificateImportException(
                    ImportRefusal.EXPIRED, "The certificate expired on " + notAfter + ".");
        }
        if (now.isBefore(notBefore)) {
            throw new CertificateImportException(
                    ImportRefusal.NOT_YET_VALID,
                    "The certificate is valid only from " + notBefore + ".");
        }
    }

    /**
     * Orders the chain end entity first by following each issuer to its certificate, up to a
     * self-issued root if the file has one. Certificates outside the chain are left out.
     */
    static List<X509Certificate> chainOf(
            X509Certificate endEntity, List<X509Certificate> certificates) {
        var chain = new ArrayList<X509Certificate>();
        var remaining = new ArrayList<>(certificates);
        remaining.remove(endEntity);

        for (var current = endEntity; current != null; current = issuerOf(current, remaining)) {
            chain.add(current);
            remaining.remove(current);
            if (selfIssued(current)) {
                break;
            }
        }
        return chain;
    }

    private static X509Certificate issuerOf(
            X509Certificate certificate, List<X509Certificate> candidates) {
        return candidates.stream()
                .filter(
                        c ->
                                c.getSubjectX500Principal()
                                        .equals(certificate.getIssuerX500Principal()))
                .filter(c -> signed(certificate, c))
                .findFirst()
                .orElse(null);
    }

    private static boolean signed(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
