package org.signet.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.account.AccountAdministration;
import org.signet.account.ConsoleRole;
import org.signet.pki.CustomerPki;
import org.signet.platform.Settings;

/**
 * Provisions the first administrator and, in the default set-up, the demo customer, account and
 * certificate, from the bootstrap file that the start command writes ({@code
 * signet.bootstrap.file}). Runs at every start but only ever creates what is missing, so it never
 * overwrites a changed password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @EJB private AccountAdministration administration;

    @EJB private CustomerPki pki;

    @PostConstruct
    void provision() {
        var file = Settings.value(Settings.BOOTSTRAP_FILE).map(Path::of);
        if (file.isEmpty() || !Files.isReadable(file.get())) {
            LOG.log(Level.INFO, "No bootstrap file: no administrator or demo account provisioned");
            return;
        }

        var settings = read(file.get());
        provisionAdministrator(settings);
        provisionDemoAccount(settings);
    }

    private void provisionAdministrator(Properties settings) {
        var username = settings.getProperty("admin.username");
        var password = settings.getProperty("admin.password");
        if (username == null || password == null) {
            return;
        }
        if (administration.consoleUser(username).isPresent()) {
            return;
        }
        administration.createConsoleUser(username, ConsoleRole.ADMIN, null, password.toCharArray());
    }

    private void provisionDemoAccount(Properties settings) {
        var accountId = settings.getProperty("demo.account");
        var password = settings.getProperty("demo.password");
        if (accountId == null || password == null) {
            return;
        }
        if (administration.account(accountId).isEmpty()) {
            var customer =
                    administration.createCustomer(
                            settings.getProperty("demo.customer-name", "Demo customer"), false);
            administration.createAccount(customer, accountId, password.toCharArray(), true, true);
        }
        provisionDemoCertificate(settings, accountId);
    }

    /** The demo sender's certificate from the start command's throwaway CA, imported once. */
    private void provisionDemoCertificate(Properties settings, String accountId) {
        var file = settings.getProperty("demo.certificate.file");
        var password = settings.getProperty("demo.certificate.password");
        if (file == null || password == null) {
            return;
        }
        var customerId = administration.customerIdOfAccount(accountId).orElseThrow();
        if (!pki.list(customerId).isEmpty()) {
            return;
        }
        try {
            pki.importCertificate(
                    customerId, Files.readAllBytes(Path.of(file)), password.toCharArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo certificate " + file, e);
        }
    }

    private static Properties read(Path file) {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bootstrap file " + file, e);
        }
        return properties;
    }
}
