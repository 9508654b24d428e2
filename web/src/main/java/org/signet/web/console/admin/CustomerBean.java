package org.signet.web.console.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.signet.account.AccountAdministration;
import org.signet.account.AccountAdministration.AccountChange;
import org.signet.account.AccountStatus;
import org.signet.account.ConsoleRole;
import org.signet.account.SecretGenerator;
import org.signet.account.TechnicalAccount;
import org.signet.notification.CertificateWarnings;
import org.signet.web.console.Messages;

/**
 * One customer's page for administrators: its name and self-service PKI switch, its technical
 * accounts (create, lock, unlock, disable, new password, message signing, push endpoint) and its
 * console users. Generated passwords are shown once, on the page that created them.
 */
@Named
@ViewScoped
public class CustomerBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An account as the page edits it. */
    public static final class AccountRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String id;
        private final AccountStatus status;
        private boolean signingActive;
        private boolean signingDefaultActive;
        private String notificationUrl;
        private final List<String> sendersWithoutCertificate;

        AccountRow(TechnicalAccount account, List<String> sendersWithoutCertificate) {
            this.sendersWithoutCertificate = List.copyOf(sendersWithoutCertificate);
            id = account.getId();
            status = account.getStatus();
            signingActive = account.isSigningActive();
            signingDefaultActive = account.isSigningDefaultActive();
            notificationUrl = account.getNotificationUrl();
        }

        public String getId() {
            return id;
        }

        /** Senders of the last 30 days whose signed mails would be dropped today. */
        public List<String> getSendersWithoutCertificate() {
            return sendersWithoutCertificate;
        }

        public String getSendersWithoutCertificateText() {
            return String.join(", ", sendersWithoutCertificate);
        }

        public AccountStatus getStatus() {
            return status;
        }

        public boolean isSigningActive() {
            return signingActive;
        }

        public void setSigningActive(boolean signingActive) {
            this.signingActive = signingActive;
        }

        public boolean isSigningDefaultActive() {
            return signingDefaultActive;
        }

        public void setSigningDefaultActive(boolean signingDefaultActive) {
            this.signingDefaultActive = signingDefaultActive;
        }

        public String getNotificationUrl() {
            return notificationUrl;
        }

        public void setNotificationUrl(String notificationUrl) {
            this.notificationUrl = notificationUrl;
        }
    }

    /** A secret that was just generated: shown on this page once, kept nowhere else. */
    public record Revealed(String what, String name, String password) implements Serializable {}

    @EJB private AccountAdministration administration;

    @EJB private CertificateWarnings warnings;

    private String customerNo;
    private String name;
    private boolean selfServicePki;
    private List<AccountRow> accounts = List.of();
    private List<String> users = List.of();
    private boolean newSigningActive = true;
    private boolean newSigningDefaultActive = true;
    private String newUsername;
    private Revealed revealed;

    /** Reads the customer of the URL, or answers 404. */
    public void open() {
        var customer = customerNo == null ? null : administration.customer(customerNo.strip());
        if (customer == null || customer.isEmpty()) {
            Messages.answer(404, "No such customer");
            return;
        }
        customerNo = customer.get().getCustomerNo();
        name = customer.get().getName();
        selfServicePki = customer.get().isSelfServicePki();
        reload();
    }

    public void save() {
        var trimmed = Input.customerName(name, "customer:name");
        if (trimmed == null) {
            return;
        }
        administration.updateCustomer(customerNo, trimmed, selfServicePki);
        Messages.info("Customer " + customerNo + " saved.");
    }

    public void createAccount() {
        var customer = administration.customer(customerNo).orElseThrow();
        var created =
                administration.createAccount(customer, newSigningActive, newSigningDefaultActive);
        revealed = new Revealed("technical account", created.accountId(), created.password());
        reload();
    }

    public void saveAccount(AccountRow row) {
        var url = Input.notificationUrl(row.getNotificationUrl(), row.getId());
        if (url == null) {
            return;
        }
        administration.updateAccount(
                row.getId(),
                new AccountChange(null, row.isSigningActive(), row.isSigningDefaultActive(), url));
        Messages.info("Account " + row.getId() + " saved.");
        reload();
    }

    public void changeStatus(String accountId, AccountStatus status) {
        administration.updateAccount(accountId, new AccountChange(status, null, null, null));
        Messages.info("Account " + accountId + " is " + status.name().toLowerCase() + " now.");
        reload();
    }

    public void resetPassword(String accountId) {
        administration
                .resetPassword(accountId)
                .ifPresent(
                        created ->
                                revealed =
                                        new Revealed(
                                                "new password of technical account",
                                                accountId,
                                                created.password()));
    }

    public void createUser() {
        var username = Input.username(newUsername, "users:newUsername");
        if (username == null) {
            return;
        }
        if (administration.consoleUser(username).isPresent()) {
            Messages.error("users:newUsername", "A console user named " + username + " exists.");
            return;
        }
        var customer = administration.customer(customerNo).orElseThrow();
        var password = SecretGenerator.password();
        administration.createConsoleUser(
                username, ConsoleRole.CUSTOMER_USER, customer, password.toCharArray());
        revealed = new Revealed("console user", username, password);
        newUsername = null;
        reload();
    }

    public void resetUserPassword(String username) {
        var customer = administration.customer(customerNo).orElseThrow();
        administration
                .resetConsoleUserPassword(customer, username)
                .ifPresent(
                        password ->
                                revealed =
                                        new Revealed(
                                                "new password of console user",
                                                username,
                                                password));
    }

    public void removeUser(String username) {
        var customer = administration.customer(customerNo).orElseThrow();
        if (administration.removeConsoleUser(customer, username)) {
            Messages.info("Console user " + username + " removed.");
        }
        reload();
    }

    /** Forgets the shown secret: it is not shown again. */
    public void dismiss() {
        revealed = null;
    }

    private void reload() {
        var customer = administration.customer(customerNo).orElseThrow();
        var rows = new ArrayList<AccountRow>();
        var now = java.time.Instant.now();
        for (var account : administration.accounts(customer)) {
            var uncovered =
                    account.isSigningActive()
                            ? warnings.sendersWithoutCertificate(
                                    account.getId(), customer.getId(), now)
                            : List.<String>of();
            rows.add(new AccountRow(account, uncovered));
        }
        accounts = rows;
        users =
                administration.consoleUsers(customer).stream()
                        .map(user -> user.getUsername())
                        .sorted()
                        .toList();
    }

    public AccountStatus[] getStatuses() {
        return AccountStatus.values();
    }

    public String getCustomerNo() {
        return customerNo;
    }

    public void setCustomerNo(String customerNo) {
        this.customerNo = customerNo;
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

    public List<AccountRow> getAccounts() {
        return accounts;
    }

    public List<String> getUsers() {
        return users;
    }

    public boolean isNewSigningActive() {
        return newSigningActive;
    }

    public void setNewSigningActive(boolean newSigningActive) {
        this.newSigningActive = newSigningActive;
    }

    public boolean isNewSigningDefaultActive() {
        return newSigningDefaultActive;
    }

    public void setNewSigningDefaultActive(boolean newSigningDefaultActive) {
        this.newSigningDefaultActive = newSigningDefaultActive;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public Revealed getRevealed() {
        return revealed;
    }
}
