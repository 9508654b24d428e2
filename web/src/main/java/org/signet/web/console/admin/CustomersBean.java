package org.signet.web.console.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.signet.account.AccountAdministration;
import org.signet.tracking.Timestamps;
import org.signet.web.console.Messages;

/** The administrators' list of customers and the form that creates one. */
@Named
@RequestScoped
public class CustomersBean {

    /** One line of the customer list. */
    public record Row(String customerNo, String name, boolean selfServicePki, String created) {}

    @EJB private AccountAdministration administration;

    private String name;
    private boolean selfServicePki;
    private List<Row> rows;

    public List<Row> getRows() {
        if (rows == null) {
            rows =
                    administration.customers().stream()
                            .map(
                                    c ->
                                            new Row(
                                                    c.getCustomerNo(),
                                                    c.getName(),
                                                    c.isSelfServicePki(),
                                                    Timestamps.format(c.getCreatedAt())))
                            .toList();
        }
        return rows;
    }

    /** Creates the customer and opens its page. */
    public void create() throws IOException {
        var trimmed = Input.customerName(name, "create:name");
        if (trimmed == null) {
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        var customer = administration.createCustomer(trimmed, selfServicePki);
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        Messages.info("Customer " + customer.getCustomerNo() + " created.");
        external.redirect(
                external.getRequestContextPath()
                        + "/console/admin/customer.xhtml?no="
                        + customer.getCustomerNo());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isSelfServicePki() {
        return selfServicePki;
    }

    public void setSelfServicePki(boolean selfServicePki) {
        this.selfServicePki = selfServicePki;
    }
}
