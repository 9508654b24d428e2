package org.signet.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.signet.account.AccountAdministration;
import org.signet.account.Roles;

/**
 * Who is signed in to the console and which customers' data they may see: administrators every
 * customer's, a customer user only its own customer's.
 */
@Named("console")
@RequestScoped
public class ConsoleScope {

    @Inject private SecurityContext security;

    @EJB private AccountAdministration accounts;

    private Long customerId;

    private boolean resolved;

    public String getUser() {
        return security.getCallerPrincipal().getName();
    }

    public boolean isAdministrator() {
        return security.isCallerInRole(Roles.ADMIN);
    }

    /**
     * Whether a customer user's customer manages its own certificates; false for administrators.
     */
    public boolean isSelfServicePki() {
        if (isAdministrator()) {
            return false;
        }
        return accounts.consoleUser(getUser())
                .map(user -> user.getCustomer() != null && user.getCustomer().isSelfServicePki())
                .orElse(false);
    }

    /**
     * Null for administrators (every customer); the own customer's id for customer users. A console
     * user without a customer and without the administrator role sees nothing: that is an error in
     * the data, not a reason to show everything.
     */
    public Long customerScope() {
        if (isAdministrator()) {
            return null;
        }
        if (!resolved) {
            customerId =
                    accounts.customerIdOfConsoleUser(getUser())
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "console user "
                                                            + getUser()
                                                            + " has no customer"));
            resolved = true;
        }
        return customerId;
    }
}
