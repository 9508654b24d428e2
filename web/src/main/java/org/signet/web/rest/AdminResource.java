package org.signet.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.signet.account.AccountAdministration;
import org.signet.account.Customer;
import org.signet.account.Roles;
import org.signet.account.TechnicalAccount;

/** Administration of customers and their technical accounts; administrators only. */
// TODO [Admin] first slice: PATCH, status changes, credential reset and console users come with
// the administration API
@Path("v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @EJB private AccountAdministration administration;

    public record NewCustomer(
            @NotNull @Size(min = 1, max = 200) String name, Boolean selfServicePki) {}

    public record CustomerView(String customerNo, String name, boolean selfServicePki) {
        static CustomerView of(Customer customer) {
            return new CustomerView(
                    customer.getCustomerNo(), customer.getName(), customer.isSelfServicePki());
        }
    }

    public record MessageSigning(@NotNull Boolean active, @NotNull Boolean defaultActive) {}

    public record NewAccount(@Valid MessageSigning messageSigning) {}

    public record CreatedAccount(
            String accountId, String password, String customerNo, MessageSigning messageSigning) {}

    public record AccountView(
            String accountId, String customerNo, String status, MessageSigning messageSigning) {
        static AccountView of(TechnicalAccount account, String customerNo) {
            return new AccountView(
                    account.getId(),
                    customerNo,
                    account.getStatus().name(),
                    new MessageSigning(
                            account.isSigningActive(), account.isSigningDefaultActive()));
        }
    }

    @POST
    @Path("customers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCustomer(@NotNull @Valid NewCustomer request) {
        var customer =
                administration.createCustomer(
                        request.name(), Boolean.TRUE.equals(request.selfServicePki()));
        return Response.status(Response.Status.CREATED).entity(CustomerView.of(customer)).build();
    }

    @GET
    @Path("customers/{customerNo}")
    public CustomerView customer(@PathParam("customerNo") String customerNo) {
        return administration
                .customer(customerNo)
                .map(CustomerView::of)
                .orElseThrow(() -> new NotFoundException("No customer " + customerNo + "."));
    }

    /** Creates an account; its generated password is in this answer and nowhere else. */
    @POST
    @Path("customers/{customerNo}/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAccount(
            @PathParam("customerNo") String customerNo, @NotNull @Valid NewAccount request) {
        var customer =
                administration
                        .customer(customerNo)
                        .orElseThrow(
                                () -> new NotFoundException("No customer " + customerNo + "."));
        var signing =
                request.messageSigning() == null
                        ? new MessageSigning(false, false)
                        : request.messageSigning();

        var created =
                administration.createAccount(customer, signing.active(), signing.defaultActive());

        var body =
                new CreatedAccount(
                        created.accountId(), created.password(), created.customerNo(), signing);
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    @GET
    @Path("accounts/{accountId}")
    public AccountView account(@PathParam("accountId") String accountId) {
        var account =
                administration
                        .account(accountId)
                        .orElseThrow(() -> new NotFoundException("No account " + accountId + "."));
        return AccountView.of(account, account.getCustomer().getCustomerNo());
    }
}
