package org.signet.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.signet.account.AccountAdministration;
import org.signet.account.AccountStatus;
import org.signet.account.ConsoleRole;
import org.signet.account.ConsoleUser;
import org.signet.account.Customer;
import org.signet.account.Roles;
import org.signet.account.SecretGenerator;
import org.signet.account.TechnicalAccount;
import org.signet.audit.AuditTrail;
import org.signet.notification.NotificationSignature;
import org.signet.tracking.Timestamps;

/** Administration of customers and their technical accounts; administrators only. */
// TODO [Admin] the audit trail of administrative changes comes with the administration console
@Path("v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @EJB private AccountAdministration administration;

    @EJB private NotificationSignature signatures;

    @EJB private AuditTrail audit;

    /** One entry of the audit trail. */
    public record AuditView(String ts, String actor, String action, String target, String detail) {}

    /** The audit trail, newest change first, {@code max} entries from {@code first} on. */
    @GET
    @Path("audit")
    public List<AuditView> audit(
            @QueryParam("first") @DefaultValue("0") @Min(0) int first,
            @QueryParam("max") @DefaultValue("100") @Min(1) @Max(1000) int max) {
        return audit.newest(first, max).stream()
                .map(
                        entry ->
                                new AuditView(
                                        Timestamps.format(entry.getOccurredAt()),
                                        entry.getActor(),
                                        entry.getAction(),
                                        entry.getTarget(),
                                        entry.getDetail()))
                .toList();
    }

    public record NewCustomer(
            @NotNull @Size(min = 1, max = Customer.NAME_MAX) String name, Boolean selfServicePki) {}

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
            String accountId,
            String customerNo,
            String status,
            MessageSigning messageSigning,
            String notificationEndpoint) {
        static AccountView of(TechnicalAccount account, String customerNo) {
            return new AccountView(
                    account.getId(),
                    customerNo,
                    account.getStatus().name(),
                    new MessageSigning(account.isSigningActive(), account.isSigningDefaultActive()),
                    account.getNotificationUrl());
        }
    }

    public record CustomerChange(
            @Size(min = 1, max = Customer.NAME_MAX) String name, Boolean selfServicePki) {}

    /** Partial signing settings: a member left out stays as it is. */
    public record SigningChange(Boolean active, Boolean defaultActive) {}

    public record AccountChange(
            AccountStatus status,
            @Valid SigningChange messageSigning,
            @Size(max = TechnicalAccount.NOTIFICATION_URL_MAX)
                    @Pattern(
                            regexp = TechnicalAccount.NOTIFICATION_URL_PATTERN,
                            message = "must be an http(s) URL or empty")
                    String notificationEndpoint) {}

    public record NewUser(
            @NotNull
                    @Pattern(
                            regexp = ConsoleUser.USERNAME_PATTERN,
                            message = ConsoleUser.USERNAME_RULE)
                    String username,
            @Size(min = 12, max = 200) String password) {}

    public record UserView(String username, String customerNo, String role, String password) {}

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
    @Path("customers")
    public List<CustomerView> customers() {
        return administration.customers().stream().map(CustomerView::of).toList();
    }

    @PATCH
    @Path("customers/{customerNo}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomerView changeCustomer(
            @PathParam("customerNo") String customerNo, @NotNull @Valid CustomerChange change) {
        return administration
                .updateCustomer(customerNo, change.name(), change.selfServicePki())
                .map(CustomerView::of)
                .orElseThrow(() -> noCustomer(customerNo));
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
    @Path("customers/{customerNo}/accounts")
    public List<AccountView> accounts(@PathParam("customerNo") String customerNo) {
        var customer =
                administration.customer(customerNo).orElseThrow(() -> noCustomer(customerNo));
        return administration.accounts(customer).stream()
                .map(account -> AccountView.of(account, customerNo))
                .toList();
    }

    @PATCH
    @Path("accounts/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView changeAccount(
            @PathParam("accountId") String accountId, @NotNull @Valid AccountChange change) {
        var signing =
                change.messageSigning() == null
                        ? new SigningChange(null, null)
                        : change.messageSigning();
        var account =
                administration
                        .updateAccount(
                                accountId,
                                new AccountAdministration.AccountChange(
                                        change.status(),
                                        signing.active(),
                                        signing.defaultActive(),
                                        change.notificationEndpoint()))
                        .orElseThrow(() -> noAccount(accountId));
        return AccountView.of(account, account.getCustomer().getCustomerNo());
    }

    /** A new generated password for the account, answered once; the old one stops working. */
    @POST
    @Path("accounts/{accountId}/credentials")
    public Response resetCredentials(@PathParam("accountId") String accountId) {
        var reset = administration.resetPassword(accountId).orElseThrow(() -> noAccount(accountId));
        return Response.ok(
                        new CreatedAccount(
                                reset.accountId(), reset.password(), reset.customerNo(), null))
                .build();
    }

    /** The account's secret for signing push notifications: answered once. */
    public record NotificationSecret(String secret, String header) {}

    /**
     * Signs the account's push notifications from now on with a new generated secret (replacing an
     * earlier one), answered once.
     */
    @POST
    @Path("accounts/{accountId}/notification-secret")
    public NotificationSecret newNotificationSecret(@PathParam("accountId") String accountId) {
        var secret = signatures.newSecret(accountId).orElseThrow(() -> noAccount(accountId));
        return new NotificationSecret(secret, NotificationSignature.HEADER);
    }

    /** Stops signing the account's push notifications. */
    @DELETE
    @Path("accounts/{accountId}/notification-secret")
    public Response removeNotificationSecret(@PathParam("accountId") String accountId) {
        if (!signatures.remove(accountId)) {
            throw noAccount(accountId);
        }
        return Response.noContent().build();
    }

    /** Creates a console user of the customer; a generated password is answered once. */
    @POST
    @Path("customers/{customerNo}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createUser(
            @PathParam("customerNo") String customerNo, @NotNull @Valid NewUser request) {
        var customer =
                administration.customer(customerNo).orElseThrow(() -> noCustomer(customerNo));
        if (administration.consoleUser(request.username()).isPresent()) {
            return Problem.of(
                            Response.Status.CONFLICT,
                            "user-exists",
                            "A console user named " + request.username() + " exists already.")
                    .toResponse();
        }
        var generated = request.password() == null;
        var password = generated ? SecretGenerator.password() : request.password();

        administration.createConsoleUser(
                request.username(), ConsoleRole.CUSTOMER_USER, customer, password.toCharArray());

        var body =
                new UserView(
                        request.username(),
                        customerNo,
                        ConsoleRole.CUSTOMER_USER.name(),
                        generated ? password : null);
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    @GET
    @Path("customers/{customerNo}/users")
    public List<UserView> users(@PathParam("customerNo") String customerNo) {
        var customer =
                administration.customer(customerNo).orElseThrow(() -> noCustomer(customerNo));
        return administration.consoleUsers(customer).stream()
                .map(
                        user ->
                                new UserView(
                                        user.getUsername(),
                                        customerNo,
                                        user.getRole().name(),
                                        null))
                .toList();
    }

    /** A new generated password for a console user of the customer, answered once. */
    @POST
    @Path("customers/{customerNo}/users/{username}/credentials")
    public UserView resetUserPassword(
            @PathParam("customerNo") String customerNo, @PathParam("username") String username) {
        var customer =
                administration.customer(customerNo).orElseThrow(() -> noCustomer(customerNo));
        var password =
                administration
                        .resetConsoleUserPassword(customer, username)
                        .orElseThrow(() -> new NotFoundException("No user " + username + "."));
        return new UserView(username, customerNo, ConsoleRole.CUSTOMER_USER.name(), password);
    }

    /** Removes a console user of the customer; its console sessions end with it. */
    @DELETE
    @Path("customers/{customerNo}/users/{username}")
    public Response removeUser(
            @PathParam("customerNo") String customerNo, @PathParam("username") String username) {
        var customer =
                administration.customer(customerNo).orElseThrow(() -> noCustomer(customerNo));
        if (!administration.removeConsoleUser(customer, username)) {
            throw new NotFoundException("No user " + username + ".");
        }
        return Response.noContent().build();
    }

    private static NotFoundException noCustomer(String customerNo) {
        return new NotFoundException("No customer " + customerNo + ".");
    }

    private static NotFoundException noAccount(String accountId) {
        return new NotFoundException("No account " + accountId + ".");
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
