package org.signet.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Builds a test PKI with Bouncy Castle: a root CA, an intermediate and end entities with any defect
 * an import must refuse, and writes them as PKCS#12 files (legacy and modern) or PEM.
 */
final class TestCertificates {

    /** The moment every test lives in. */
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final char[] PASSWORD = "Correct-Horse-42".toCharArray();

    /** A key pair and the certificate for it. */
    record Issued(KeyPair keyPair, X509Certificate certificate) {
        PrivateKey privateKey() {
            return keyPair.getPrivate();
        }
    }

    /** How a PKCS#12 file protects its key and certificates, and the digest of its MAC. */
    enum Pkcs12Protection {
        TRIPLE_DES(
                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                OIWObjectIdentifiers.idSHA1),
        RC2_40(
                PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                OIWObjectIdentifiers.idSHA1),
        /** What OpenSSL 1.x wrote by default: 3DES for the key, RC2-40 for the certificates. */
        OPENSSL_CLASSIC(
                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                OIWObjectIdentifiers.idSHA1),
        AES_256_PBES2(
                NISTObjectIdentifiers.id_aes256_CBC,
                NISTObjectIdentifiers.id_aes256_CBC,
                NISTObjectIdentifiers.id_sha256);

        final ASN1ObjectIdentifier keyEncryption;
        final ASN1ObjectIdentifier certificateEncryption;
        final ASN1ObjectIdentifier macDigest;

        Pkcs12Protection(
                ASN1ObjectIdentifier keyEncryption,
                ASN1ObjectIdentifier certificateEncryption,
                ASN1ObjectIdentifier macDigest) {
            this.keyEncryption = keyEncryption;
            this.certificateEncryption = certificateEncryption;
            this.macDigest = macDigest;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    final Issued root;
    final Issued intermediate;

    TestCertificates() {
        var rootKeys = ec("secp384r1");
        root =
                new Issued(
                        rootKeys,
                        sign(
                                "CN=Signet Test Root CA,O=Signet Test",
                                rootKeys,
                                "CN=Signet Test Root CA,O=Signet Test",
                                rootKeys.getPrivate(),
                                caExtensions()));
        var intermediateKeys = ec("secp256r1");
        intermediate =
                new Issued(
                        intermediateKeys,
                        sign(
                                "CN=Signet Test Issuing CA,O=Signet Test",
                                intermediateKeys,
                                "CN=Signet Test Root CA,O=Signet Test",
                                rootKeys.getPrivate(),
                                caExtensions()));
    }

    EndEntity endEntity() {
        return new EndEntity();
    }

    /** The end entity, the intermediate and the root: the order Signet stores. */
    List<X509Certificate> chainOf(Issued endEntity) {
        return List.of(endEntity.certificate(), intermediate.certificate(), root.certificate());
    }

    /** An end entity certificate, valid and fit for S/MIME signing unless a setter spoils it. */
    final class EndEntity {
        private KeyPair keyPair;
        private String subject = "CN=Alice Example,O=Example Corp";
        private List<String> emails = List.of("Alice@Example.COM");
        private Instant notBefore = NOW.minus(Duration.ofDays(30));
        private Instant notAfter = NOW.plus(Duration.ofDays(365));
        private Integer keyUsage = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
        private List<KeyPurposeId> extendedKeyUsage =
                List.of(KeyPurposeId.id_kp_emailProtection, KeyPurposeId.id_kp_clientAuth);

        EndEntity keyPair(KeyPair value) {
            keyPair = value;
            return this;
        }

        EndEntity subject(String value) {
            subject = value;
            return this;
        }

        EndEntity emails(String... values) {
            emails = List.of(values);
            return this;
        }

        EndEntity validity(Instant from, Instant until) {
            notBefore = from;
            notAfter = until;
            return this;
        }

        /** A keyUsage bit mask, or null to leave the extension out. */
        EndEntity keyUsage(Integer value) {
            keyUsage = value;
            return this;
        }

        /** Extended key usages, or null to leave the extension out. */
        EndEntity extendedKeyUsage(KeyPurposeId... values) {
            extendedKeyUsage = values == null ? null : List.of(values);
            return this;
        }

        Issued issue() {
            var keys = keyPair == null ? rsa(2048) : keyPair;
            var extensions = new ArrayList<Object[]>();
            if (!emails.isEmpty()) {
                var names =
                        emails.stream()
                                .map(email -> new GeneralName(GeneralName.rfc822Name, email))
                                .toArray(GeneralName[]::new);
                extensions.add(
                        new Object[] {Extension.subjectAlternativeName, new GeneralNames(names)});
            }
            if (keyUsage != null) {
                extensions.add(new Object[] {Extension.keyUsage, new KeyUsage(keyUsage)});
            }
            if (extendedKeyUsage != null) {
                extensions.add(
                        new Object[] {
                            Extension.extendedKeyUsage,
                            new ExtendedKeyUsage(extendedKeyUsage.toArray(KeyPurposeId[]::new))
                        });
            }
            extensions.add(new Object[] {Extension.basicConstraints, new BasicConstraints(false)});
            var certificate =
                    sign(
                            subject,
                            keys,
                            "CN=Signet Test Issuing CA,O=Signet Test",
                            intermediate.privateKey(),
                            extensions,
                            notBefore,
                            notAfter);
            return new Issued(keys, certificate);
        }
    }

    // ---- keys

    static KeyPair rsa(int bits) {
        return generate("RSA", bits);
    }

    static KeyPair dsa() {
        return generate("DSA", 2048);
    }

    /** An EC key on a named curve; Bouncy Castle knows curves the JDK dropped, like secp256k1. */
    static KeyPair ec(String curve) {
        try {
            var generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            var generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- PKCS#12

    /** A PKCS#12 file as a CA or an older tool writes it: shrouded key, encrypted certificates. */
    static byte[] pkcs12(
            PrivateKey key,
            List<X509Certificate> certificates,
            char[] password,
            Pkcs12Protection protection) {
        return pkcs12(key, certificates, password, protection, true);
    }

    static byte[] pkcs12(
            PrivateKey key,
            List<X509Certificate> certificates,
            char[] password,
            Pkcs12Protection protection,
            boolean withMac) {
        try {
            var extensionUtils = new JcaX509ExtensionUtils();
            var builder = new PKCS12PfxPduBuilder();
            var certificateBags = new ArrayList<PKCS12SafeBag>();
            for (var certificate : certificates) {
                var bag = new JcaPKCS12SafeBagBuilder(certificate);
                if (certificate == certificates.get(0) && key != null) {
                    bag.addBagAttribute(
                            PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                            extensionUtils.createSubjectKeyIdentifier(certificate.getPublicKey()));
                }
                certificateBags.add(bag.build());
            }
            builder.addEncryptedData(
                    encryptor(protection.certificateEncryption, password),
                    certificateBags.toArray(PKCS12SafeBag[]::new));
            if (key != null) {
                var keyBag =
                        new JcaPKCS12SafeBagBuilder(
                                key, encryptor(protection.keyEncryption, password));
                keyBag.addBagAttribute(
                        PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                        extensionUtils.createSubjectKeyIdentifier(
                                certificates.get(0).getPublicKey()));
                builder.addData(keyBag.build());
            }
            var mac =
                    withMac
                            ? new JcePKCS12MacCalculatorBuilder(protection.macDigest)
                                    .setProvider(BouncyCastle.PROVIDER)
                            : null;
            return builder.build(mac, withMac ? password : null).getEncoded();
        } catch (GeneralSecurityException | IOException | PKCSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputEncryptor encryptor(ASN1ObjectIdentifier algorithm, char[] password) {
        try {
            var builder =
                    new JcePKCSPBEOutputEncryptorBuilder(algorithm)
                            .setProvider(BouncyCastle.PROVIDER);
            if (NISTObjectIdentifiers.id_aes256_CBC.equals(algorithm)) {
                builder.setPRF(
                        new AlgorithmIdentifier(
                                PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE));
            }
            return builder.build(password);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 file written by the JDK's own key store, with the JDK's current defaults. */
    static byte[] jdkPkcs12(PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signing", key, password, chain.toArray(X509Certificate[]::new));
            var out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- PEM

    /** Each object in PEM: certificates, key pairs (traditional format) or PKCS#8 generators. */
    static byte[] pem(Object... objects) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            for (var object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static Object pkcs8(PrivateKey key) {
        try {
            return new JcaPKCS8Generator(key, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Object encryptedPkcs8(PrivateKey key, char[] password) {
        try {
            var encryptor =
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                            .setProvider(BouncyCastle.PROVIDER)
                            .setRandom(RANDOM)
                            .setPassword(password)
                            .build();
            return new JcaPKCS8Generator(key, encryptor);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A traditional OpenSSL key ("BEGIN RSA PRIVATE KEY") encrypted with a Proc-Type header. */
    static byte[] encryptedTraditionalPem(PrivateKey key, char[] password) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(
                    key,
                    new JcePEMEncryptorBuilder("AES-256-CBC")
                            .setProvider(BouncyCastle.PROVIDER)
                            .build(password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    // ---- certificates

    private static List<Object[]> caExtensions() {
        return List.of(
                new Object[] {Extension.basicConstraints, new BasicConstraints(true)},
                new Object[] {
                    Extension.keyUsage, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                });
    }

    private static X509Certificate sign(
            String subject,
            KeyPair subjectKeys,
            String issuer,
            PrivateKey issuerKey,
            List<Object[]> extensions) {
        return sign(
                subject,
                subjectKeys,
                issuer,
                issuerKey,
                extensions,
                NOW.minus(Duration.ofDays(365)),
                NOW.plus(Duration.ofDays(3650)));
    }

    private static X509Certificate sign(
            String subject,
            KeyPair subjectKeys,
            String issuer,
            PrivateKey issuerKey,
            List<Object[]> extensions,
            Instant notBefore,
            Instant notAfter) {
        try {
            var builder =
                    new JcaX509v3CertificateBuilder(
                            new X500Name(issuer),
                            new BigInteger(64, RANDOM).setBit(63),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            new X500Name(subject),
                            subjectKeys.getPublic());
            for (var extension : extensions) {
                builder.addExtension(
                        (ASN1ObjectIdentifier) extension[0],
                        extension[0].equals(Extension.basicConstraints),
                        (org.bouncycastle.asn1.ASN1Encodable) extension[1]);
            }
            var signer =
                    new JcaContentSignerBuilder(signatureAlgorithm(issuerKey))
                            .setProvider(BouncyCastle.PROVIDER)
                            .build(issuerKey);
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signatureAlgorithm(PrivateKey issuerKey) {
        return "RSA".equals(issuerKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    }
}
