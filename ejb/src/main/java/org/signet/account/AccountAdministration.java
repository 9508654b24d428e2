package org.signet.account;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.audit.AuditAction;
import org.signet.audit.AuditTrail;
import org.signet.platform.Settings;

/** Creates customers, technical accounts and console users. */
@Stateless
public class AccountAdministration {

    private static final Logger LOG = Logger.getLogger(AccountAdministration.class.getName());

    @PersistenceContext private EntityManager em;

    @EJB private AuditTrail audit;

    public Customer createCustomer(String name, boolean selfServicePki) {
        var customer = new Customer(name, selfServicePki, Instant.now());
        em.persist(customer);
        customer.numberFromId();

        LOG.log(Level.INFO, "Customer {0} created", customer.getCustomerNo());
        audit.record(
                AuditAction.CUSTOMER_CREATED,
                customer.getCustomerNo(),
                "name " + name + ", self-service PKI " + onOff(selfServicePki));
        return customer;
    }

    public List<Customer> customers() {
        return em.createNamedQuery(Customer.ALL, Customer.class).getResultList();
    }

    /** Changes what is given (non-null) and keeps the rest. */
    public Optional<Customer> updateCustomer(
            String customerNo, String name, Boolean selfServicePki) {
        var customer = customer(customerNo);
        customer.ifPresent(
                c -> {
                    if (name != null) {
                        c.rename(name);
                    }
                    if (selfServicePki != null) {
                        c.switchSelfServicePki(selfServicePki);
                    }
                    LOG.log(
                            Level.INFO,
                            "Customer {0} changed: self-service PKI {1}",
                            new Object[] {customerNo, c.isSelfServicePki()});
                    audit.record(
                            AuditAction.CUSTOMER_CHANGED,
                            customerNo,
                            "name "
                                    + c.getName()
                                    + ", self-service PKI "
                                    + onOff(c.isSelfServicePki()));
                });
        return customer;
    }

    public List<TechnicalAccount> accounts(Customer customer) {
        return em.createNamedQuery(TechnicalAccount.OF_CUSTOMER, TechnicalAccount.class)
                .setParameter("customerId", customer.getId())
                .getResultList();
    }

    /**
     * The changes an administrator may make to a technical account; null members stay as they are.
     */
    public record AccountChange(
            AccountStatus status,
            Boolean signingActive,
            Boolean signingDefaultActive,
            String notificationUrl) {}

    public Optional<TechnicalAccount> updateAccount(String accountId, AccountChange change) {
        var account = Optional.ofNullable(em.find(TechnicalAccount.class, accountId));
        account.ifPresent(
                a -> {
                    if (change.status() != null) {
                        a.changeStatus(change.status());
                    }
                    if (change.status() == AccountStatus.ACTIVE) {
                        a.endLockOut();
                    }
                    a.configureSigning(
                            change.signingActive() != null
                                    ? change.signingActive()
                                    : a.isSigningActive(),
                            change.signingDefaultActive() != null
                                    ? change.signingDefaultActive()
                                    : a.isSigningDefaultActive());
                    if (change.notificationUrl() != null) {
                        a.changeNotificationUrl(
                                change.notificationUrl().isEmpty()
                                        ? null
                                        : change.notificationUrl());
                    }
                    LOG.log(
                            Level.INFO,
                            "Technical account {0} changed: status {1}, signing active={2},"
                                    + " default={3}",
                            new Object[] {
                                accountId,
                                a.getStatus(),
                                a.isSigningActive(),
                                a.isSigningDefaultActive()
                            });
                    audit.record(
                            AuditAction.ACCOUNT_CHANGED,
                            accountId,
                            "status "
                                    + a.getStatus()
                                    + ", signing allowed "
                                    + onOff(a.isSigningActive())
                                    + ", signing by default "
                                    + onOff(a.isSigningDefaultActive())
                                    + ", notifications to "
                                    + endpointHost(a.getNotificationUrl()));
                });
        return account;
    }

    /** Gives the account a new generated password, answered once; the old one stops working. */
    public Optional<NewAccount> resetPassword(String accountId) {
        var account = Optional.ofNullable(em.find(TechnicalAccount.class, accountId));
        return account.map(
                a -> {
                    var password = SecretGenerator.password();
                    a.changePasswordHash(hasher().hash(password.toCharArray()));
                    LOG.log(Level.INFO, "Password of technical account {0} reset", accountId);
                    audit.record(AuditAction.ACCOUNT_PASSWORD_RESET, accountId, null);
                    return new NewAccount(accountId, a.getCustomer().getCustomerNo(), password);
                });
    }

    public List<ConsoleUser> consoleUsers(Customer customer) {
        return em.createNamedQuery(ConsoleUser.OF_CUSTOMER, ConsoleUser.class)
                .setParameter("customerId", customer.getId())
                .getResultList();
    }

    public Optional<Customer> customerById(Long customerId) {
        return Optional.ofNullable(em.find(Customer.class, customerId));
    }

    public Optional<Customer> customer(String customerNo) {
        return em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
                .setParameter("customerNo", customerNo)
                .getResultStream()
                .findFirst();
    }

    /** Creates an account with a generated id and password; the password is answered once. */
    public NewAccount createAccount(
            Customer customer, boolean signingActive, boolean signingDefaultActive) {
        var password = SecretGenerator.password();
        var account =
                createAccount(
                        customer,
                        SecretGenerator.accountId(),
                        password.toCharArray(),
                        signingActive,
                        signingDefaultActive);
        return new NewAccount(account.getId(), customer.getCustomerNo(), password);
    }

    /** Creates an account with a chosen id and password, as the demo set-up does. */
    public TechnicalAccount createAccount(
            Customer customer,
            String accountId,
            char[] password,
            boolean signingActive,
            boolean signingDefaultActive) {
        var managed = em.merge(customer);
        var account =
                new TechnicalAccount(
                        accountId,
                        managed,
                        hasher().hash(password),
                        signingActive,
                        signingDefaultActive,
                        Instant.now());
        em.persist(account);

        LOG.log(
                Level.INFO,
                "Technical account {0} created for customer {1} (signing active={2}, default={3})",
                new Object[] {
                    accountId, managed.getCustomerNo(), signingActive, signingDefaultActive
                });
        audit.record(
                AuditAction.ACCOUNT_CREATED,
                accountId,
                "customer "
                        + managed.getCustomerNo()
                        + ", signing allowed "
                        + onOff(signingActive)
                        + ", signing by default "
                        + onOff(signingDefaultActive));
        return account;
    }

    public Optional<TechnicalAccount> account(String accountId) {
        return Optional.ofNullable(em.find(TechnicalAccount.class, accountId));
    }

    /** The customer a technical account belongs to, as the id that scopes its queries. */
    public Optional<Long> customerIdOfAccount(String accountId) {
        return em.createQuery(
                        "SELECT a.customer.id FROM TechnicalAccount a WHERE a.id = :id", Long.class)
                .setParameter("id", accountId)
                .getResultStream()
                .findFirst();
    }

    /** The customer a technical account belongs to. */
    public Optional<Customer> customerOfAccount(String accountId) {
        return em.createQuery(
                        "SELECT a.customer FROM TechnicalAccount a WHERE a.id = :id",
                        Customer.class)
                .setParameter("id", accountId)
                .getResultStream()
                .findFirst();
    }

    /** The customer of a console user; empty for administrators, who see every customer. */
    public Optional<Long> customerIdOfConsoleUser(String username) {
        return em.createQuery(
                        "SELECT u.customer.id FROM ConsoleUser u WHERE u.username = :username"
                                + " AND u.customer IS NOT NULL",
                        Long.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public ConsoleUser createConsoleUser(
            String username, ConsoleRole role, Customer customer, char[] password) {
        var managed = customer == null ? null : em.merge(customer);
        var user = new ConsoleUser(username, role, managed, hasher().hash(password), Instant.now());
        em.persist(user);

        LOG.log(
                Level.INFO,
                "Console user {0} created with role {1}",
                new Object[] {username, role});
        audit.record(
                AuditAction.USER_CREATED,
                username,
                "role " + role + (managed == null ? "" : ", customer " + managed.getCustomerNo()));
        return user;
    }

    /** A new generated password for a user of the customer, answered once; its sessions end. */
    public Optional<String> resetConsoleUserPassword(Customer customer, String username) {
        return userOf(customer, username)
                .map(
                        user -> {
                            var password = SecretGenerator.password();
                            user.changePasswordHash(hasher().hash(password.toCharArray()));
                            LOG.log(Level.INFO, "Password of console user {0} reset", username);
                            audit.record(AuditAction.USER_PASSWORD_RESET, username, null);
                            return password;
                        });
    }

    /** Removes a user of the customer; its sessions end. False when the customer has no such. */
    public boolean removeConsoleUser(Customer customer, String username) {
        var user = userOf(customer, username);
        user.ifPresent(
                removed -> {
                    em.remove(removed);
                    LOG.log(Level.INFO, "Console user {0} removed", username);
                    audit.record(
                            AuditAction.USER_REMOVED,
                            username,
                            "customer " + customer.getCustomerNo());
                });
        return user.isPresent();
    }

    private Optional<ConsoleUser> userOf(Customer customer, String username) {
        return Optional.ofNullable(em.find(ConsoleUser.class, username))
                .filter(
                        user ->
                                user.getCustomer() != null
                                        && user.getCustomer().getId().equals(customer.getId()));
    }

    public Optional<ConsoleUser> consoleUser(String username) {
        return Optional.ofNullable(em.find(ConsoleUser.class, username));
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    /** Where pushes go, by host only: a URL may carry a token in its path or query. */
    private static String endpointHost(String url) {
        if (url == null) {
            return "none";
        }
        try {
            var host = java.net.URI.create(url).getHost();
            return host == null ? "an endpoint" : host;
        } catch (IllegalArgumentException e) {
            return "an endpoint";
        }
    }

    private static PasswordHasher hasher() {
        return new PasswordHasher(Settings.integer(Settings.PASSWORD_ITERATIONS, 210_000));
    }
}
