package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.events;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mails through the whole pipeline to the relay sink of the test runtime: what arrives, with which
 * envelope, and the exact event sequence of each outcome (DESIGN.md). The relay sink refuses
 * bounce@ with 550 and defer@ with 451.
 */
class DeliveryIT {

    /** Long enough for the test runtime's four delivery retries (1, 3, 6 and 10 s). */
    private static final Duration FINISH = Duration.ofSeconds(90);

    @RegisterExtension static final CustomerCa ca = new CustomerCa();

    private final SignetClient signet = new SignetClient();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void jobToSeveralRecipientsArrivesSignedForEachWithItsOwnEnvelope() throws Exception {
        var account = signet.newAccount(true, true);
        signet.importCertificate(account, ca.issue("orders@example.com", "pw-orders"));
        var request =
                """
                {"subject": {"content": "Ihre Bestellung 4711"},
                 "body": {"contentType": "text/plain", "content": "Gr\u00fc\u00dfe aus K\u00f6ln."},
                 "recipients": [
                   {"mail": {"to": [{"email": "Alice <alice@example.com>"}],
                             "cc": [{"email": "carol@example.com"}],
                             "bcc": [{"email": "audit@example.com"}]}},
                   {"mail": {"to": [{"email": "bob@example.org"}]}},
                   {"mail": {"to": [{"email": "dave@example.net"}]}}],
                 "mail": {"from": {"email": "orders@example.com"},
                          "mimeFrom": {"email": "Shop <orders@example.com>"}}}
                """;

        var response = signet.submitJob(account, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        var job = signet.awaitFinished(account, json(response).getString("jobId"), FINISH);
        var mails = job.getJsonArray("mails").getValuesAs(JsonObject.class);
        assertThat(mails).hasSize(3);
        var firstTo = new String[] {"alice@example.com", "bob@example.org", "dave@example.net"};
        for (int i = 0; i < mails.size(); i++) {
            var mail = mails.get(i);
            assertThat(events(mail))
                    .containsExactly(
                            "STARTED/PROCESSING_STARTED",
                            "SMIME_SIGNING/OK",
                            "PROCESSED/PROCESSING_FINISHED",
                            "DELIVERED/OK");
            assertThat(mail.getString("status")).isEqualTo("DELIVERED");

            var received = RelaySinkFolder.withMessageId(mail.getString("messageId"));
            assertThat(received).as("copies of mail %d at the relay", i).hasSize(1);
            var bytes = received.get(0).bytes();
            assertThat(ca.opensslVerifies(received.get(0).text()))
                    .as("openssl, mail %d", i)
                    .isTrue();
            assertThat(ca.gpgsmVerifies(bytes)).as("gpgsm, mail %d", i).isTrue();

            var parsed =
                    new MimeMessage(
                            Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
            assertThat(parsed.getSubject()).isEqualTo("Ihre Bestellung 4711");
            assertThat(parsed.getFrom()[0].toString()).isEqualTo("Shop <orders@example.com>");
            assertThat(parsed.getRecipients(RecipientType.TO))
                    .containsExactly(new InternetAddress(firstTo[i]));
            assertThat(parsed.getHeader("Bcc")).isNull();
            var signed = (MimeMultipart) parsed.getContent();
            assertThat(signed.getBodyPart(0).getContent())
                    .isEqualTo("Gr\u00fc\u00dfe aus K\u00f6ln.");
            assertThat(received.get(0).envelope()).startsWith("MAIL FROM:<orders@example.com>\n");
        }
        assertThat(
                        RelaySinkFolder.withMessageId(mails.get(0).getString("messageId"))
                                .get(0)
                                .envelope())
                .isEqualTo(
                        "MAIL FROM:<orders@example.com>\nRCPT TO:<alice@example.com>\n"
                                + "RCPT TO:<carol@example.com>\nRCPT TO:<audit@example.com>\n");
    }

    @Test
    void recipientTheRelayRefusesIsAHardBounce() {
        var account = signet.newAccount(false, false);

        var jobId = submit(account, jobRequest("s@example.com", null, "bounce@example.com"));

        var mail = firstMail(signet.awaitFinished(account, jobId, FINISH));
        assertThat(events(mail))
                .containsExactly(
                        "STARTED/PROCESSING_STARTED",
                        "PROCESSED/PROCESSING_FINISHED",
                        "BOUNCED/HARD_BOUNCE");
        assertThat(mail.getString("status")).isEqualTo("BOUNCED");
        assertThat(lastEvent(mail).getString("description")).startsWith("550");
        assertThat(lastEvent(mail).getString("phase")).isEqualTo("DELIVER");
    }

    @Test
    void recipientTheRelayDefersIsRetriedAfterGrowingDelaysThenASoftBounce() {
        var account = signet.newAccount(false, false);

        var jobId = submit(account, jobRequest("s@example.com", null, "defer@example.com"));

        var mail = firstMail(signet.awaitFinished(account, jobId, FINISH));
        var expected = new java.util.ArrayList<String>();
        expected.add("STARTED/PROCESSING_STARTED");
        expected.add("PROCESSED/PROCESSING_FINISHED");
        expected.addAll(Collections.nCopies(4, "DEFERRED/SOFT_BOUNCE"));
        expected.add("BOUNCED/SOFT_BOUNCE");
        assertThat(events(mail)).containsExactlyElementsOf(expected);
        assertThat(lastEvent(mail).getString("description"))
                .startsWith("given up after 5 attempts")
                .contains("451");
        // one event per attempt: four DEFERRED, then the BOUNCED of the fifth
        var attempts = mail.getJsonArray("events").getValuesAs(JsonObject.class).subList(2, 7);
        var gaps = new java.util.ArrayList<Long>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(
                    Duration.between(
                                    java.time.Instant.parse(attempts.get(i - 1).getString("ts")),
                                    java.time.Instant.parse(attempts.get(i).getString("ts")))
                            .toMillis());
        }
        // the test runtime waits 1, 3, 6 and 10 s between attempts
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(900);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(2_900);
        assertThat(gaps.get(2)).isGreaterThanOrEqualTo(5_900);
        assertThat(gaps.get(3)).isGreaterThanOrEqualTo(9_900);
    }

    @Test
    void mailThatKeepsFailingIsDeadLetteredAndEndsAsProcessingFailed() throws Exception {
        var account = signet.newAccount(true, true);
        signet.importCertificate(account, ca.issue("damaged@example.com", "pw-damaged"));
        assertThat(Database.damageSealedKeysOfCustomer(account.customerNo())).isEqualTo(1);

        var jobId = submit(account, jobRequest("damaged@example.com", null, "a@example.com"));

        try {
            var mail = firstMail(signet.awaitFinished(account, jobId, FINISH));
            assertThat(events(mail))
                    .containsExactly("STARTED/PROCESSING_STARTED", "DROPPED/PROCESSING_FAILED");
            assertThat(lastEvent(mail).getString("description"))
                    .isEqualTo("processing failed after 5 attempts");
            assertThat(RelaySinkFolder.withMessageId(mail.getString("messageId"))).isEmpty();
        } finally {
            // a damaged key would stay behind for every master key rotation of the suite
            deleteCertificatesOf(account);
        }
    }

    private void deleteCertificatesOf(SignetClient.Account account) {
        var path = "/rest/v1/admin/customers/" + account.customerNo() + "/certificates";
        var list = signet.get(path, "admin", SignetClient.ADMIN_PASSWORD);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(list.body()))) {
            for (var certificate : reader.readArray().getValuesAs(JsonObject.class)) {
                var deleted =
                        signet.send(
                                "DELETE",
                                path + "/" + certificate.getJsonNumber("id").longValue(),
                                "admin",
                                SignetClient.ADMIN_PASSWORD,
                                null);
                assertThat(deleted.statusCode()).isEqualTo(204);
            }
        }
    }

    private String submit(SignetClient.Account account, String request) {
        var response = signet.submitJob(account, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).getString("jobId");
    }

    private static JsonObject firstMail(JsonObject job) {
        return job.getJsonArray("mails").getJsonObject(0);
    }

    private static JsonObject lastEvent(JsonObject mail) {
        var events = mail.getJsonArray("events");
        return events.getJsonObject(events.size() - 1);
    }
}
