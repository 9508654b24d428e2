package org.signet.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.signet.notification.CertificateExpiryWatch;
import org.signet.pki.CustomerPki;

/**
 * Installation-wide PKI operations for administrators. A master key rotation is three steps: add a
 * key to the key file (it becomes current), call this resource to re-seal every private key under
 * it, then retire the old key from the file.
 */
@Path("v1/admin/pki")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPkiResource {

    @EJB private CustomerPki pki;

    /**
     * {@code unopened}: fingerprints of certificates whose private key did not open, so could not
     * be re-sealed; they stay under their old master key and no longer sign (delete and import them
     * again).
     */
    public record Rotation(int resealed, List<String> unopened) {}

    @EJB private CertificateExpiryWatch expiryWatch;

    /** Runs the certificate expiry watch now: warnings recorded, notifications pushed, failed. */
    @POST
    @Path("expiry-watch")
    public CertificateExpiryWatch.Run runExpiryWatch() {
        return expiryWatch.run();
    }

    @POST
    @Path("master-key-rotation")
    public Rotation rotateMasterKey() {
        var rotation = pki.rotateMasterKey();
        return new Rotation(rotation.resealed(), rotation.unopenedFingerprints());
    }
}
