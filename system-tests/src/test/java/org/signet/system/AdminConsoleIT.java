package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.json;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The administration console in headless Chromium, end to end: an administrator creates a customer
 * and a technical account with signing active, uploads the sender's certificate, and a job that the
 * account then sends over REST arrives signed; the audit trail names each change.
 */
class AdminConsoleIT {

    private static final Duration FINISH = Duration.ofSeconds(60);

    @RegisterExtension static final CustomerCa ca = new CustomerCa();

    private final SignetClient signet = new SignetClient();
    private Browser browser;

    @BeforeEach
    void startBrowser() {
        signet.awaitReady();
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void customerAccountAndCertificateMadeInTheConsoleSignAJobSentOverRest() throws Exception {
        var name = "Console customer " + System.nanoTime();
        var sender = "console-" + System.nanoTime() + "@example.com";
        var certificate = ca.issue(sender, "pw-console");
        browser.signIn("admin", SignetClient.ADMIN_PASSWORD);

        browser.open("/console/admin/customers.xhtml");
        browser.type(By.id("create:name"), name);
        browser.driver().findElement(By.id("create:submit")).click();
        var customerNo = browser.text(By.id("customer-no"));
        assertThat(browser.text(By.id("messages"))).contains("Customer " + customerNo + " created");

        browser.clickAndAwaitUpdate(By.id("accounts:create"), By.id("feedback"));
        var accountId = browser.text(By.id("revealed-name"));
        var password = browser.text(By.id("revealed-password"));
        assertThat(browser.text(By.cssSelector("[id='accounts:list'] .account-id")))
                .isEqualTo(accountId);
        browser.screenshot("admin-customer");

        browser.driver().findElement(By.id("customer:certificates")).click();
        browser.waitFor(By.id("upload:submit"));
        browser.driver()
                .findElement(By.cssSelector("[id='upload'] input[type='file']"))
                .sendKeys(certificate.pkcs12().toAbsolutePath().toString());
        browser.type(By.id("upload:password"), certificate.password());
        browser.driver().findElement(By.id("upload:submit")).click();
        assertThat(browser.text(By.id("messages"))).contains("Certificate for " + sender);
        assertThat(browser.text(By.cssSelector("[id='list:certificates'] .addresses")))
                .isEqualTo(sender);
        // the tests' CA issues for 20 days: the certificate is valid and stands out as expiring
        assertThat(browser.text(By.cssSelector("[id='list:certificates'] .status")))
                .isEqualTo("EXPIRING");
        assertThat(
                        browser.driver()
                                .findElements(
                                        By.cssSelector("[id='list:certificates'] tr.expiring")))
                .hasSize(1);
        browser.screenshot("admin-certificates");

        var account = new SignetClient.Account(customerNo, accountId, password);
        var response =
                signet.submitJob(account, SignetClient.jobRequest(sender, null, "to@example.org"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var job = signet.awaitFinished(account, json(response).getString("jobId"), FINISH);
        var mail = job.getJsonArray("mails").getJsonObject(0);
        assertThat(SignetClient.events(mail)).contains("SMIME_SIGNING/OK", "DELIVERED/OK");
        var received = RelaySinkFolder.withMessageId(mail.getString("messageId"));
        assertThat(received).hasSize(1);
        assertThat(ca.opensslVerifies(received.get(0).text()))
                .as("openssl cms -verify of the delivered mail")
                .isTrue();

        browser.open("/console/admin/audit.xhtml");
        var trail = browser.text(By.id("audit:entries"));
        assertThat(trail)
                .contains("CUSTOMER_CREATED", customerNo)
                .contains("ACCOUNT_CREATED", accountId)
                .contains("CERTIFICATE_IMPORTED", sender)
                .doesNotContain(password);
        browser.screenshot("admin-audit");
    }

    @Test
    void accountsAreLockedAndUnlockedAndAFreshPasswordReplacesTheOld() {
        var account = signet.newAccount(false, false);
        browser.signIn("admin", SignetClient.ADMIN_PASSWORD);
        browser.open("/console/admin/customer.xhtml?no=" + account.customerNo());

        browser.clickAndAwaitUpdate(By.id("accounts:list:0:lock"), By.id("accounts:list"));
        assertThat(browser.text(By.cssSelector("[id='accounts:list'] .status")))
                .isEqualTo("LOCKED");
        assertThat(signet.job(account, "00000000-0000-0000-0000-000000000000").statusCode())
                .as("a locked account is refused")
                .isEqualTo(403);

        browser.clickAndAwaitUpdate(By.id("accounts:list:0:activate"), By.id("accounts:list"));
        assertThat(browser.text(By.cssSelector("[id='accounts:list'] .status")))
                .isEqualTo("ACTIVE");
        browser.driver().findElement(By.id("accounts:list:0:reset")).click();
        browser.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        var fresh = browser.text(By.id("revealed-password"));

        assertThat(signet.job(account, "00000000-0000-0000-0000-000000000000").statusCode())
                .as("the old password")
                .isEqualTo(401);
        var renewed = new SignetClient.Account(account.customerNo(), account.id(), fresh);
        assertThat(signet.job(renewed, "00000000-0000-0000-0000-000000000000").statusCode())
                .as("the new password on an unknown job")
                .isEqualTo(404);
    }

    @Test
    void signingAndThePushEndpointOfAnAccountAreSetInTheConsole() {
        var account = signet.newAccount(false, false);
        browser.signIn("admin", SignetClient.ADMIN_PASSWORD);
        browser.open("/console/admin/customer.xhtml?no=" + account.customerNo());

        browser.driver()
                .findElement(By.cssSelector("[id='accounts:list:0:active'] .ui-chkbox-box"))
                .click();
        browser.type(By.id("accounts:list:0:endpoint"), "https://hooks.example.net/signet");
        browser.clickAndAwaitUpdate(By.id("accounts:list:0:save"), By.id("accounts:list"));

        assertThat(browser.text(By.id("messages"))).contains("Account " + account.id() + " saved");
        var stored =
                json(
                        signet.get(
                                "/rest/v1/admin/accounts/" + account.id(),
                                "admin",
                                SignetClient.ADMIN_PASSWORD));
        assertThat(stored.getJsonObject("messageSigning").getBoolean("active")).isTrue();
        assertThat(stored.getJsonObject("messageSigning").getBoolean("defaultActive")).isFalse();
        assertThat(stored.getString("notificationEndpoint"))
                .isEqualTo("https://hooks.example.net/signet");

        browser.type(By.id("accounts:list:0:endpoint"), "ftp://nowhere");
        browser.clickAndAwaitUpdate(By.id("accounts:list:0:save"), By.id("accounts:list"));
        assertThat(browser.text(By.id("messages"))).contains("must be an http or https URL");
    }
}
