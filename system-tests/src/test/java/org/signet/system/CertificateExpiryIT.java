package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The certificate expiry watch: a certificate that ends within 7 days is warned of once, pushed to
 * the push endpoints of the customer's accounts as a certificate notification and shown in the
 * console; the customer page names the senders whose signed mails would be dropped today.
 */
class CertificateExpiryIT {

    private static final Duration FINISH = Duration.ofSeconds(60);

    @RegisterExtension static final CustomerCa ca = new CustomerCa();

    private final SignetClient signet = new SignetClient();
    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        signet.awaitReady();
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void certificateEndingWithinAWeekIsWarnedOfOnceAndPushedToTheAccountsEndpoint()
            throws Exception {
        var url = receiver.serve("/certificates", requests -> 200);
        var account = signet.newAccount(true, true);
        var sender = "expiring-" + System.nanoTime() + "@example.com";
        signet.importCertificate(account, ca.issue(sender, "pw-expiring", 5));
        var patched =
                signet.send(
                        "PATCH",
                        "/rest/v1/admin/accounts/" + account.id(),
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        "{\"notificationEndpoint\": \"" + url + "\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        var first = runWatch();
        var second = runWatch();

        assertThat(first.getInt("warned")).isGreaterThanOrEqualTo(1);
        assertThat(second.getInt("warned")).as("each threshold is warned of once").isZero();
        var pushes = receiver.requests("/certificates");
        assertThat(pushes).hasSize(1);
        var document = read(pushes.get(0).body());
        assertThat(document.getJsonObject("meta").getString("customerNo"))
                .isEqualTo(account.customerNo());
        assertThat(document.getJsonObject("meta").getString("version")).isEqualTo("1");
        var certificate = document.getJsonArray("certificates").getJsonObject(0);
        assertThat(certificate.getJsonArray("senderAddresses").getString(0)).isEqualTo(sender);
        assertThat(certificate.getInt("daysLeft")).isEqualTo(5);
        assertThat(certificate.getString("notAfter")).endsWith("Z");
        assertThat(certificate.containsKey("id")).isTrue();

        var page = adminPage("/console/certificates.xhtml?customer=" + account.customerNo());
        assertThat(page).contains("5 days left on", ", pushed");
    }

    @Test
    void customerPageNamesTheSendersThatWouldBeDroppedToday() throws Exception {
        var account = signet.newAccount(true, true);
        var covered = "covered-" + System.nanoTime() + "@example.com";
        var uncovered = "uncovered-" + System.nanoTime() + "@example.com";
        signet.importCertificate(account, ca.issue(covered, "pw-covered"));
        for (var sender : new String[] {covered, uncovered}) {
            var response =
                    signet.submitJob(
                            account, SignetClient.jobRequest(sender, null, "to@example.org"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            signet.awaitFinished(account, json(response).getString("jobId"), FINISH);
        }

        var page = adminPage("/console/admin/customer.xhtml?no=" + account.customerNo());

        assertThat(page).contains("at-risk-senders\">" + uncovered + "<").doesNotContain(covered);
    }

    private JsonObject runWatch() {
        var response =
                signet.send(
                        "POST",
                        "/rest/v1/admin/pki/expiry-watch",
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** A console page as the signed-in administrator sees it. */
    private static String adminPage(String path) throws Exception {
        var console = new ConsoleHttp();
        assertThat(console.login("admin", SignetClient.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        var page = console.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    private static JsonObject read(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
