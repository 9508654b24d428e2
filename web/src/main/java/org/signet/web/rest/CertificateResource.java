package org.signet.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.signet.account.AccountAdministration;
import org.signet.pki.CustomerPki;

/**
 * Self-service certificate management for a technical account: its customer's PKI, and only when
 * the customer has self-service PKI switched on.
 */
@Path("v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    @EJB private CustomerPki pki;

    @EJB private AccountAdministration accounts;

    @Context private SecurityContext security;

    @Context private UriInfo uri;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCertificate(List<EntityPart> parts) {
        return CustomerCertificates.importInto(pki, selfServiceCustomer(), parts, uri);
    }

    @GET
    public List<CertificateView> list() {
        return CustomerCertificates.list(pki, selfServiceCustomer());
    }

    @GET
    @Path("{id}")
    public CertificateView certificate(@PathParam("id") Long id) {
        return CustomerCertificates.one(pki, selfServiceCustomer(), id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") Long id) {
        return CustomerCertificates.delete(pki, selfServiceCustomer(), id);
    }

    private Long selfServiceCustomer() {
        var account = security.getUserPrincipal().getName();
        var customer = accounts.customerOfAccount(account).orElseThrow(NotFoundException::new);
        if (!customer.isSelfServicePki()) {
            throw new ForbiddenException(
                    "Self-service certificate management is not switched on for this customer;"
                            + " an administrator manages its certificates.");
        }
        return customer.getId();
    }
}
