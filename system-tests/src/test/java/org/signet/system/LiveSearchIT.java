package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.json;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Live Search page in headless Chromium: an administrator finds a signed job by its sender and
 * by its id and reads its SMIME_SIGNING event; a customer user sees its own customer's events only.
 * Screenshots of the pages are kept under {@code target/screenshots}.
 */
class LiveSearchIT {

    private static final Duration FINISH = Duration.ofSeconds(60);
    private static final By COUNT = By.id("result-count");
    private static final By ROWS = By.cssSelector("[id='results:hits_data'] > tr");

    @RegisterExtension static final CustomerCa ca = new CustomerCa();

    /** One signed job of customer A, found by every test. */
    private static SignetClient.Account signedAccount;

    private static String sender;
    private static String signedJob;

    private final SignetClient signet = new SignetClient();
    private Browser browser;

    @BeforeAll
    static void oneSignedJob() {
        var client = new SignetClient();
        client.awaitReady();
        sender = "live-" + System.nanoTime() + "@example.com";
        signedAccount = client.newAccount(true, true);
        client.importCertificate(signedAccount, ca.issue(sender, "pw-live"));
        signedJob = submit(client, signedAccount, jobWithReference(sender, "invoice-4711", 1));
        client.awaitFinished(signedAccount, signedJob, FINISH);
    }

    @BeforeEach
    void startBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void administratorFindsTheEventsOfASenderWhateverItsCase() {
        browser.signIn("admin", SignetClient.ADMIN_PASSWORD);

        browser.type(By.id("search:sender"), sender.toUpperCase());
        browser.clickAndAwaitUpdate(By.id("search:run"), COUNT);

        assertThat(browser.text(COUNT)).isEqualTo("4 events");
        assertThat(column(".event-type"))
                .as("newest first")
                .containsExactly("DELIVERED", "PROCESSED", "SMIME_SIGNING", "STARTED");
        assertThat(column(".signing")).containsOnly("SIGNED");
        assertThat(column(".job-link")).containsOnly(signedJob);
        browser.screenshot("live-search-by-sender");
    }

    @Test
    void administratorFindsAJobByIdOpensItAndReadsItsSigningEvent() {
        browser.signIn("admin", SignetClient.ADMIN_PASSWORD);

        browser.type(By.id("search:jobId"), signedJob);
        browser.clickAndAwaitUpdate(By.id("search:run"), COUNT);
        assertThat(browser.text(COUNT)).isEqualTo("4 events");
        browser.driver().findElements(By.cssSelector(".job-link")).get(0).click();

        assertThat(browser.text(By.id("job-id"))).isEqualTo(signedJob);
        assertThat(browser.text(By.id("job-status"))).isEqualTo("FINISHED");
        assertThat(browser.text(By.cssSelector(".mail-head .signing"))).isEqualTo("SIGNED");
        var signing =
                browser.driver().findElements(By.cssSelector("table.timeline tbody tr")).stream()
                        .map(row -> cells(row))
                        .filter(cells -> cells.get(2).equals("SMIME_SIGNING"))
                        .toList();
        assertThat(signing).hasSize(1);
        assertThat(signing.get(0).subList(1, 6))
                .containsExactly(
                        "PROCESS",
                        "SMIME_SIGNING",
                        "INTERMEDIATE",
                        "OK",
                        "The mail was signed successfully.");
        browser.screenshot("job-detail");
    }

    @Test
    void resultsArePagedAndSortedOnTheServer() {
        var recipients =
                List.of(
                        "g@x.test",
                        "c@x.test",
                        "e@x.test",
                        "a@x.test",
                        "i@x.test",
                        "f@x.test",
                        "b@x.test",
                        "h@x.test",
                        "d@x.test");
        var unsigned = signet.newAccount(false, false);
        var job =
                submit(
                        signet,
                        unsigned,
                        SignetClient.jobRequest(
                                "pages@example.com", null, recipients.toArray(String[]::new)));
        signet.awaitFinished(unsigned, job, FINISH);
        browser.signIn("admin", SignetClient.ADMIN_PASSWORD);
        browser.type(By.id("search:jobId"), job);
        browser.clickAndAwaitUpdate(By.id("search:run"), COUNT);

        assertThat(browser.text(COUNT))
                .as("9 unsigned mails, 3 events each")
                .isEqualTo("27 events");
        assertThat(browser.driver().findElements(ROWS)).hasSize(25);
        browser.clickAndAwaitUpdate(By.cssSelector(".ui-paginator-next"), ROWS);
        assertThat(browser.driver().findElements(ROWS)).hasSize(2);

        browser.clickAndAwaitUpdate(By.id("results:hits:recipient"), ROWS);
        var ascending = column(".recipient");
        assertThat(ascending).as("first page again, ascending by recipient").hasSize(25);
        assertThat(ascending.subList(0, 3)).containsOnly("a@x.test");
        assertThat(ascending.get(3)).isEqualTo("b@x.test");
        browser.clickAndAwaitUpdate(By.id("results:hits:recipient"), ROWS);
        assertThat(column(".recipient").subList(0, 3)).containsOnly("i@x.test");
    }

    @Test
    void customerUserSeesOnlyItsOwnCustomersEvents() {
        var own = signet.newAccount(true, true);
        var droppedJob = submit(signet, own, jobWithReference("nobody@example.com", "own-1", 1));
        signet.awaitFinished(own, droppedJob, FINISH);
        var user = signet.newCustomerUser(own.customerNo());

        browser.signIn(user.username(), user.password());

        assertThat(browser.text(COUNT)).isEqualTo("2 events");
        assertThat(column(".job-link")).containsOnly(droppedJob);
        assertThat(column(".signing")).containsOnly("DROPPED");
        assertThat(browser.driver().findElements(By.id("results:hits:customer")))
                .as("no customer column for a customer user")
                .isEmpty();
        browser.type(By.id("search:jobId"), signedJob);
        browser.clickAndAwaitUpdate(By.id("search:run"), COUNT);
        assertThat(browser.text(COUNT)).isEqualTo("0 events");
        browser.screenshot("live-search-customer-user");

        browser.open("/console/job.xhtml?job=" + signedJob);
        assertThat(browser.driver().findElements(By.id("job-id"))).isEmpty();
        assertThat(browser.driver().getPageSource()).contains("404");
    }

    private List<String> column(String cssClass) {
        return browser.driver().findElements(ROWS).stream()
                .map(row -> row.findElements(By.cssSelector(cssClass)))
                .filter(found -> !found.isEmpty())
                .map(found -> found.get(0).getText().strip())
                .toList();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }

    private static String submit(SignetClient client, SignetClient.Account account, String job) {
        var response = client.submitJob(account, job);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).getString("jobId");
    }

    private static String jobWithReference(String from, String reference, int mails) {
        var recipients = new String[mails];
        for (var i = 0; i < mails; i++) {
            recipients[i] = "to" + i + "@example.org";
        }
        return SignetClient.jobRequest(from, null, recipients)
                .replaceFirst("\\}$", ", \"job\": {\"referenceJob\": \"" + reference + "\"}}");
    }
}
