package org.signet.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider instance the PKI hands to its builders. It is never registered with
 * {@code Security.addProvider}: a registration would outlive a redeploy of the application.
 */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}
}
