package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's form login and the Live Search and job pages over plain HTTP, as a browser sends
 * them: sign-in, bookmarkable searches, refusal of bad input and each customer user's confinement
 * to its own customer's jobs.
 */
class ConsoleIT {

    private static final Duration FINISH = Duration.ofSeconds(60);
    private static final Pattern RESULT_COUNT =
            Pattern.compile("<span id=\"result-count\">([^<]+)</span>");

    private final SignetClient signet = new SignetClient();
    private final ConsoleHttp console = new ConsoleHttp();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void consolePageRedirectsToLoginWhenNotSignedIn() throws Exception {
        var response = console.get("/console/search.xhtml");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login.xhtml"));
    }

    @Test
    void administratorSignsInAndSeesTheNewestEvents() throws Exception {
        var account = signet.newAccount(false, false);
        var jobId = submit(account, "newest@example.com");
        signet.awaitFinished(account, jobId, FINISH);

        var afterLogin = console.login("admin", SignetClient.ADMIN_PASSWORD);

        assertThat(afterLogin.statusCode()).isEqualTo(302);
        assertThat(afterLogin.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).endsWith("/console/search.xhtml"));
        var page = console.get("/console/search.xhtml?job=" + jobId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(resultCount(page)).isEqualTo("3 events");
        assertThat(page.body()).contains("Live Search", jobId, account.id(), "UNSIGNED");
    }

    @Test
    void searchesOfTheUrlCombineFiltersAndTimeRange() throws Exception {
        var account = signet.newAccount(false, false);
        var sender = "Range.Sender" + System.nanoTime() + "@Example.com";
        var jobId = submit(account, sender);
        signet.awaitFinished(account, jobId, FINISH);
        console.login("admin", SignetClient.ADMIN_PASSWORD);
        var before = Instant.now().minus(Duration.ofHours(1));
        var after = Instant.now().plus(Duration.ofHours(1));

        var delivered =
                console.get(
                        "/console/search.xhtml?sender="
                                + sender.toLowerCase()
                                + "&type=DELIVERED"
                                + "&subType=OK&from="
                                + before
                                + "&to="
                                + after);
        var earlier = console.get("/console/search.xhtml?job=" + jobId + "&to=" + before);

        assertThat(resultCount(delivered)).isEqualTo("1 event");
        assertThat(resultCount(earlier)).isEqualTo("0 events");
    }

    @Test
    void badSearchInputIsNamedAndSearchesNothing() throws Exception {
        console.login("admin", SignetClient.ADMIN_PASSWORD);

        var unknownType = console.get("/console/search.xhtml?type=NOPE");
        var backwards =
                console.get(
                        "/console/search.xhtml?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        var notATime = console.get("/console/search.xhtml?from=yesterday");

        assertThat(unknownType.statusCode()).isEqualTo(200);
        assertThat(unknownType.body()).contains("Unknown event type");
        assertThat(resultCount(unknownType)).isEqualTo("0 events");
        assertThat(backwards.body()).contains("The end of the time range must follow its start.");
        assertThat(resultCount(backwards)).isEqualTo("0 events");
        assertThat(notATime.body()).contains("Not a time: give it as 2026-12-01T08:00:00Z (UTC).");
    }

    @Test
    void customerUserSeesItsOwnJobsOnlyByUrlToo() throws Exception {
        var own = signet.newAccount(false, false);
        var other = signet.newAccount(false, false);
        var ownJob = submit(own, "own@example.com");
        var otherJob = submit(other, "other@example.com");
        signet.awaitFinished(own, ownJob, FINISH);
        signet.awaitFinished(other, otherJob, FINISH);
        var user = signet.newCustomerUser(own.customerNo());
        console.login(user.username(), user.password());

        var ownPage = console.get("/console/job.xhtml?job=" + ownJob);
        var otherPage = console.get("/console/job.xhtml?job=" + otherJob);
        var unknownPage = console.get("/console/job.xhtml?job=" + UUID.randomUUID());
        var otherEvents = console.get("/console/search.xhtml?job=" + otherJob);
        var otherCustomer =
                console.get(
                        "/console/search.xhtml?customer="
                                + other.customerNo()
                                + "&job="
                                + otherJob);
        var everything = console.get("/console/search.xhtml");

        assertThat(ownPage.statusCode()).isEqualTo(200);
        assertThat(ownPage.body()).contains(ownJob, "own@example.com", "DELIVERED");
        assertThat(otherPage.statusCode()).isEqualTo(404);
        assertThat(otherPage.body()).doesNotContain("other@example.com");
        assertThat(unknownPage.statusCode()).isEqualTo(404);
        assertThat(resultCount(otherEvents)).isEqualTo("0 events");
        assertThat(resultCount(otherCustomer)).isEqualTo("0 events");
        assertThat(resultCount(everything)).isEqualTo("3 events");
        assertThat(everything.body()).contains(ownJob).doesNotContain(otherJob);
    }

    @Test
    void customerUserReachesNeitherAdministrationNorOtherCustomersCertificates() throws Exception {
        var own = signet.newAccount(false, false, true);
        var other = signet.newAccount(false, false, true);
        var user = signet.newCustomerUser(own.customerNo());
        console.login(user.username(), user.password());

        assertThat(console.get("/console/admin/customers.xhtml").statusCode()).isEqualTo(403);
        assertThat(
                        console.get("/console/admin/customer.xhtml?no=" + other.customerNo())
                                .statusCode())
                .isEqualTo(403);
        assertThat(console.get("/console/admin/audit.xhtml").statusCode()).isEqualTo(403);
        var certificates =
                console.get("/console/certificates.xhtml?customer=" + other.customerNo());
        assertThat(certificates.statusCode()).isEqualTo(200);
        assertThat(certificates.body())
                .as("the own customer's PKI, whatever the URL names")
                .contains(own.customerNo())
                .doesNotContain(other.customerNo());
        assertThat(
                        signet.get("/rest/v1/admin/customers", user.username(), user.password())
                                .statusCode())
                .as("the administration API")
                .isEqualTo(403);
        assertThat(
                        signet.get(
                                        "/rest/v1/admin/customers/"
                                                + other.customerNo()
                                                + "/certificates",
                                        user.username(),
                                        user.password())
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aResetPasswordOrARemovedUserEndsTheUsersConsoleSession() throws Exception {
        var account = signet.newAccount(false, false);
        var user = signet.newCustomerUser(account.customerNo());
        var users = "/rest/v1/admin/customers/" + account.customerNo() + "/users/";
        console.login(user.username(), user.password());
        assertThat(console.get("/console/search.xhtml").statusCode()).isEqualTo(200);

        var reset =
                signet.send(
                        "POST",
                        users + user.username() + "/credentials",
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(console.get("/console/search.xhtml").statusCode())
                .as("the session of the old password")
                .isEqualTo(302);
        var fresh = json(reset).getString("password");
        assertThat(console.login(user.username(), fresh).statusCode()).isEqualTo(302);
        assertThat(console.get("/console/search.xhtml").statusCode()).isEqualTo(200);

        var removed =
                signet.send(
                        "DELETE",
                        users + user.username(),
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        null);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(console.get("/console/search.xhtml").statusCode()).isEqualTo(302);
        assertThat(console.login(user.username(), fresh).body())
                .contains("Wrong user name or password.");
        var trail =
                signet.get("/rest/v1/admin/audit?max=50", "admin", SignetClient.ADMIN_PASSWORD)
                        .body();
        assertThat(trail)
                .contains("\"USER_PASSWORD_RESET\"", "\"USER_REMOVED\"", user.username())
                .doesNotContain(fresh);
        var otherCustomer = signet.newAccount(false, false);
        assertThat(
                        signet.send(
                                        "DELETE",
                                        "/rest/v1/admin/customers/"
                                                + otherCustomer.customerNo()
                                                + "/users/admin",
                                        "admin",
                                        SignetClient.ADMIN_PASSWORD,
                                        null)
                                .statusCode())
                .as("an administrator is no customer's user")
                .isEqualTo(404);
    }

    @Test
    void certificatesOfACustomerWithoutSelfServicePkiAreClosedToItsUsers() throws Exception {
        var account = signet.newAccount(false, false, false);
        var user = signet.newCustomerUser(account.customerNo());
        console.login(user.username(), user.password());

        assertThat(console.get("/console/certificates.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void aFormPostWithoutItsViewStateChangesNothing() throws Exception {
        console.login("admin", SignetClient.ADMIN_PASSWORD);
        var name = "Forged " + System.nanoTime();
        var fields = new LinkedHashMap<String, String>();
        fields.put("create", "create");
        fields.put("create:name", name);
        fields.put("create:submit", "");
        fields.put("jakarta.faces.ViewState", "-1234567890:987654321");

        var forged = console.post("/console/admin/customers.xhtml", fields);

        assertThat(forged.statusCode()).isNotEqualTo(302);
        assertThat(
                        signet.get("/rest/v1/admin/customers", "admin", SignetClient.ADMIN_PASSWORD)
                                .body())
                .doesNotContain(name);
    }

    @Test
    void wrongPasswordKeepsTheLoginPageWithAMessage() throws Exception {
        var response = console.login("admin", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Wrong user name or password.");
        assertThat(console.get("/console/search.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void technicalAccountCannotSignInToTheConsole() throws Exception {
        var account = signet.newAccount(false, false);

        var response = console.login(account.id(), account.password());

        assertThat(response.body()).contains("Wrong user name or password.");
    }

    private String submit(SignetClient.Account account, String from) {
        var response = signet.submitJob(account, jobRequest(from, null, "to@example.org"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).getString("jobId");
    }

    private static String resultCount(HttpResponse<String> page) {
        var count = RESULT_COUNT.matcher(page.body());
        assertThat(count.find()).as("the page shows a result count").isTrue();
        return count.group(1);
    }
}
