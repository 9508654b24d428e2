package org.signet.web.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.signet.pki.CustomerPki;

/** The certificate operations shared by the self-service and the administration API. */
final class CustomerCertificates {

    private CustomerCertificates() {}

    static Response importInto(
            CustomerPki pki, Long customerId, List<EntityPart> parts, UriInfo uri) {
        var upload = CertificateUpload.of(parts);
        try {
            var summary = pki.importCertificate(customerId, upload.file(), upload.password());
            return Response.created(
                            uri.getAbsolutePathBuilder().path(summary.id().toString()).build())
                    .entity(CertificateView.of(summary))
                    .build();
        } finally {
            if (upload.password() != null) {
                Arrays.fill(upload.password(), '\0');
            }
        }
    }

    static List<CertificateView> list(CustomerPki pki, Long customerId) {
        return pki.list(customerId).stream().map(CertificateView::of).toList();
    }

    static CertificateView one(CustomerPki pki, Long customerId, Long id) {
        return pki.find(customerId, id).map(CertificateView::of).orElseThrow(() -> notFound(id));
    }

    static Response delete(CustomerPki pki, Long customerId, Long id) {
        if (!pki.delete(customerId, id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(Long id) {
        return new NotFoundException("No certificate " + id + ".");
    }
}
