package org.signet.signing;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The provider that makes the private-key operation and the content digest of each signature.
 *
 * <p>Amazon Corretto Crypto Provider (ACCP) runs them in native code (AWS-LC) at about the speed of
 * {@code openssl speed}; it is used where its native library loads and passes its self-tests, which
 * is Linux on x86-64. Elsewhere the JDK's own providers sign (SunRsaSign, SunEC), which are several
 * times faster than Bouncy Castle's pure-Java RSA. Either way Bouncy Castle still builds the CMS
 * structure; only the arithmetic moves. {@code -Dsignet.signature.provider=jdk} forces the JDK's
 * providers, for comparison.
 *
 * <p>The provider instance is handed to the builders and never registered with {@link Security}: a
 * registration would outlive a redeploy of the application.
 */
public final class SignatureProvider {

    private static final Logger LOG = Logger.getLogger(SignatureProvider.class.getName());

    private static final SignatureProvider CHOSEN = choose();

    private final Provider rsa;
    private final Provider ec;
    private final Provider digest;

    private SignatureProvider(Provider rsa, Provider ec, Provider digest) {
        this.rsa = rsa;
        this.ec = ec;
        this.digest = digest;
    }

    /** The provider this JVM signs with, chosen once. */
    public static SignatureProvider chosen() {
        return CHOSEN;
    }

    /** The JDK's providers, whatever else is available. */
    public static SignatureProvider jdk() {
        return new SignatureProvider(
                Security.getProvider("SunRsaSign"),
                Security.getProvider("SunEC"),
                Security.getProvider("SUN"));
    }

    /** Bouncy Castle's pure-Java providers, which Signet signed with before; for comparison. */
    public static SignatureProvider bouncyCastle() {
        var bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        return new SignatureProvider(bc, bc, bc);
    }

    /** The provider for the key of {@code certificateKey}. */
    Provider forKey(PublicKey certificateKey) {
        return certificateKey instanceof ECPublicKey ? ec : rsa;
    }

    Provider digest() {
        return digest;
    }

    /**
     * The same key as an object of the provider that signs with it, so that the provider does not
     * convert the key again for every signature.
     */
    public PrivateKey own(PrivateKey key) {
        boolean isEc = key instanceof ECPrivateKey;
        var provider = isEc ? ec : rsa;
        if (key.getClass().getName().startsWith(packageOf(provider))) {
            return key;
        }
        try {
            return KeyFactory.getInstance(isEc ? "EC" : "RSA", provider)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    provider.getName() + " cannot take a " + (isEc ? "EC" : "RSA") + " key", e);
        }
    }

    /** Names the providers, for the log line at start and for benchmarks. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "RSA %s, EC %s, digest %s",
                rsa.getName(),
                ec.getName(),
                digest.getName());
    }

    private static String packageOf(Provider provider) {
        var name = provider.getClass().getName();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static SignatureProvider choose() {
        if ("jdk".equalsIgnoreCase(System.getProperty("signet.signature.provider"))) {
            return logged(jdk(), "as -Dsignet.signature.provider=jdk asks");
        }
        try {
            var accp = AmazonCorrettoCryptoProvider.INSTANCE;
            var error = accp.getLoadingError();
            if (error == null) {
                accp.assertHealthy();
                return logged(new SignatureProvider(accp, accp, accp), "native");
            }
            return logged(jdk(), "ACCP is not available here: " + error);
        } catch (RuntimeException | LinkageError e) {
            return logged(jdk(), "ACCP is not available here: " + e);
        }
    }

    private static SignatureProvider logged(SignatureProvider chosen, String why) {
        LOG.log(Level.INFO, "S/MIME signatures: {0} ({1})", new Object[] {chosen.describe(), why});
        return chosen;
    }
}
