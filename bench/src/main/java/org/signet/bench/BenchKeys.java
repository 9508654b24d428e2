package org.signet.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.signet.signing.SignatureProvider;
import org.signet.signing.SigningCredentials;

/** A key and a self-signed certificate for bench@example.com, made anew for every run. */
public enum BenchKeys {
    RSA_2048("RSA", "SHA256withRSA"),
    EC_P256("EC", "SHA256withECDSA");

    public static final String SENDER = "bench@example.com";

    private final String algorithm;
    private final String certificateSignature;

    BenchKeys(String algorithm, String certificateSignature) {
        this.algorithm = algorithm;
        this.certificateSignature = certificateSignature;
    }

    /** The name that the report uses: RSA-2048 or ECDSA P-256. */
    public String label() {
        return this == RSA_2048 ? "RSA-2048" : "ECDSA P-256";
    }

    /** A new key, held as an object of the provider that signs with it, as the application does. */
    public SigningCredentials credentials(SignatureProvider provider) {
        var generated = credentials();
        return new SigningCredentials(provider.own(generated.privateKey()), generated.chain());
    }

    public SigningCredentials credentials() {
        try {
            var generator = KeyPairGenerator.getInstance(algorithm);
            if (this == RSA_2048) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair pair = generator.generateKeyPair();
            return new SigningCredentials(pair.getPrivate(), List.of(selfSigned(pair)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a " + label() + " key", e);
        }
    }

    private X509Certificate selfSigned(KeyPair pair) throws Exception {
        var name = new X500Name("CN=" + SENDER);
        var now = Instant.now();
        var builder =
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(2))),
                        name,
                        pair.getPublic());
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.rfc822Name, SENDER)));
        var signer = new JcaContentSignerBuilder(certificateSignature).build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
