package org.signet.signing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI for tests: a root CA, an intermediate CA below it, and S/MIME end-entity
 * certificates issued by the intermediate. Nothing is registered with {@code Security}.
 */
public final class TestPki {

    /** Key types an end entity can have. */
    public enum KeyType {
        RSA_2048("RSA", null, 2048),
        EC_P256("EC", "secp256r1", 0),
        EC_P384("EC", "secp384r1", 0),
        EC_P521("EC", "secp521r1", 0);

        private final String algorithm;
        private final String curve;
        private final int bits;

        KeyType(String algorithm, String curve, int bits) {
            this.algorithm = algorithm;
            this.curve = curve;
            this.bits = bits;
        }

        public KeyPair generate() {
            try {
                var generator = KeyPairGenerator.getInstance(algorithm);
                if (curve == null) {
                    generator.initialize(bits);
                } else {
                    generator.initialize(new ECGenParameterSpec(curve));
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot generate a " + this + " key", e);
            }
        }
    }

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private final AtomicLong serials = new AtomicLong(new SecureRandom().nextInt(1 << 20));
    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;

    private TestPki() {
        rootKeys = KeyType.EC_P384.generate();
        root =
                certificate(
                        new X500Principal("CN=Signet Test Root CA, O=Signet Tests"),
                        rootKeys.getPublic(),
                        null,
                        rootKeys,
                        Role.ROOT,
                        null);
        intermediateKeys = KeyType.RSA_2048.generate();
        intermediate =
                certificate(
                        new X500Principal("CN=Signet Test Issuing CA, O=Signet Tests"),
                        intermediateKeys.getPublic(),
                        root,
                        rootKeys,
                        Role.INTERMEDIATE,
                        null);
    }

    /** A new root and intermediate CA. */
    public static TestPki create() {
        return new TestPki();
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    /**
     * Credentials for {@code email}: a new key and a certificate with an rfc822Name, key usage
     * digitalSignature and nonRepudiation and extended key usage emailProtection. The chain is the
     * end entity and the intermediate, without the root.
     */
    public SigningCredentials issue(KeyType type, String email) {
        KeyPair keys = type.generate();
        X509Certificate certificate =
                certificate(
                        new X500Principal("CN=" + email + ", O=Signet Tests"),
                        keys.getPublic(),
                        intermediate,
                        intermediateKeys,
                        Role.END_ENTITY,
                        email);
        return new SigningCredentials(keys.getPrivate(), List.of(certificate, intermediate));
    }

    /** Writes the root certificate as PEM, for tools that trust only the root. */
    public Path writeRootPem(Path file) throws IOException {
        return Files.writeString(file, pem(root), StandardCharsets.US_ASCII);
    }

    public static String pem(X509Certificate certificate) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private enum Role {
        ROOT,
        INTERMEDIATE,
        END_ENTITY
    }

    private X509Certificate certificate(
            X500Principal subject,
            PublicKey subjectKey,
            X509Certificate issuer,
            KeyPair issuerKeys,
            Role role,
            String email) {
        try {
            var now = Instant.now();
            var notBefore = Date.from(now.minus(Duration.ofHours(1)));
            var notAfter = Date.from(now.plus(Duration.ofDays(role == Role.END_ENTITY ? 2 : 30)));
            var serial = BigInteger.valueOf(serials.incrementAndGet());
            var extensions = new JcaX509ExtensionUtils();

            X509v3CertificateBuilder builder =
                    issuer == null
                            ? new JcaX509v3CertificateBuilder(
                                    subject, serial, notBefore, notAfter, subject, subjectKey)
                            : new JcaX509v3CertificateBuilder(
                                    issuer, serial, notBefore, notAfter, subject, subjectKey);
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            switch (role) {
                case ROOT -> addCaExtensions(builder, new BasicConstraints(true));
                case INTERMEDIATE -> addCaExtensions(builder, new BasicConstraints(0));
                case END_ENTITY -> addEndEntityExtensions(builder, email);
            }

            var signer =
                    new JcaContentSignerBuilder(signatureAlgorithm(issuerKeys.getPublic()))
                            .setProvider(PROVIDER)
                            .build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter()
                    .setProvider(PROVIDER)
                    .getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject, e);
        }
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder, BasicConstraints basic)
            throws IOException {
        builder.addExtension(Extension.basicConstraints, true, basic);
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    private static void addEndEntityExtensions(X509v3CertificateBuilder builder, String email)
            throws IOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
    }

    private static String signatureAlgorithm(PublicKey issuerKey) {
        return issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA384withECDSA";
    }
}
