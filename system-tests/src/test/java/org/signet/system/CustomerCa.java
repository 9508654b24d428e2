package org.signet.system;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A customer's own CA for a test class, made with openssl, and the two independent verifiers of
 * what Signet signs with its certificates: {@code openssl cms -verify} against this root only, and
 * {@code gpgsm --verify} with a keyring of its own. Register it as a static extension field.
 */
final class CustomerCa implements BeforeAllCallback, AfterAllCallback {

    private OpensslPki pki;

    private Gpgsm gpgsm;

    @Override
    public void beforeAll(ExtensionContext context) {
        pki = new OpensslPki();
        gpgsm = new Gpgsm(pki.rootPem());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        gpgsm.close();
    }

    /** A PKCS#12 with a signing certificate for {@code email}, issued by this CA. */
    OpensslPki.Issued issue(String email, String password) {
        return pki.issue(email, password);
    }

    OpensslPki.Issued issue(String email, String password, int days) {
        return pki.issue(email, password, days);
    }

    boolean opensslVerifies(String mime) {
        return pki.verifies(mime);
    }

    boolean gpgsmVerifies(byte[] mime) {
        return gpgsm.verifies(mime);
    }
}
