package org.signet.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.signet.account.AccountAdministration;
import org.signet.pki.CustomerPki;

/** Administrators manage any customer's certificates, with or without self-service PKI. */
@Path("v1/admin/customers/{customerNo}/certificates")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCertificateResource {

    @EJB private CustomerPki pki;

    @EJB private AccountAdministration administration;

    @PathParam("customerNo")
    private String customerNo;

    @Context private UriInfo uri;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCertificate(List<EntityPart> parts) {
        return CustomerCertificates.importInto(pki, customerId(), parts, uri);
    }

    @GET
    public List<CertificateView> list() {
        return CustomerCertificates.list(pki, customerId());
    }

    @GET
    @Path("{id}")
    public CertificateView certificate(@PathParam("id") Long id) {
        return CustomerCertificates.one(pki, customerId(), id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") Long id) {
        return CustomerCertificates.delete(pki, customerId(), id);
    }

    private Long customerId() {
        return administration
                .customer(customerNo)
                .map(customer -> customer.getId())
                .orElseThrow(() -> new NotFoundException("No customer " + customerNo + "."));
    }
}
