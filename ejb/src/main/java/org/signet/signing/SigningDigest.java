package org.signet.signing;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The message digest of a signature, chosen to match the strength of the signing key.
 *
 * <p>RFC 8551 2.1 makes SHA-256 the baseline; a larger key gets a digest of comparable strength
 * (NIST SP 800-57 part 1, table 2): EC P-384 and RSA of 7680 bits and more get SHA-384, EC P-521
 * and RSA of 15360 bits and more get SHA-512.
 */
public enum SigningDigest {
    SHA_256("sha-256", "SHA256"),
    SHA_384("sha-384", "SHA384"),
    SHA_512("sha-512", "SHA512");

    private final String micalg;
    private final String jcaPrefix;

    SigningDigest(String micalg, String jcaPrefix) {
        this.micalg = micalg;
        this.jcaPrefix = jcaPrefix;
    }

    /** The value of the {@code micalg} parameter of {@code multipart/signed} (RFC 8551 3.5.3.2). */
    public String micalg() {
        return micalg;
    }

    /**
     * The digest for a key, judged by its public half so that keys held in a token work too.
     *
     * @throws IllegalArgumentException for a key that is neither RSA nor EC
     */
    public static SigningDigest forKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return forStrength(rsa.getModulus().bitLength(), 7680, 15360);
        }
        if (key instanceof ECPublicKey ec) {
            return forStrength(ec.getParams().getCurve().getField().getFieldSize(), 384, 521);
        }
        throw new IllegalArgumentException(
                "Only RSA and EC keys can sign, not " + key.getAlgorithm() + " keys");
    }

    /** The JCA signature algorithm for this digest and the given key, e.g. SHA256withECDSA. */
    String signatureAlgorithm(PublicKey key) {
        return jcaPrefix + (key instanceof RSAPublicKey ? "withRSA" : "withECDSA");
    }

    private static SigningDigest forStrength(int bits, int sha384From, int sha512From) {
        if (bits >= sha512From) {
            return SHA_512;
        }
        return bits >= sha384From ? SHA_384 : SHA_256;
    }
}
