package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs that the policy signs are signed with the certificate the customer's PKI holds for the
 * envelope sender and reach the relay exactly as stored; what the relay received verifies with
 * openssl and gpgsm against the customer's root alone.
 */
class SigningIT {

    private static final Duration FINISH = Duration.ofSeconds(60);

    @RegisterExtension static final CustomerCa ca = new CustomerCa();

    private final SignetClient signet = new SignetClient();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void jobFromSenderWithCertificateIsSignedWithItAndDeliveredAsSigned() throws Exception {
        var account = signet.newAccount(true, true);
        signet.importCertificate(account, ca.issue("billing@example.com", "pw-billing"));

        var jobId = submit(account, "Billing <BILLING@example.com>");

        var mail = firstMail(signet.awaitFinished(account, jobId, FINISH));
        assertThat(SignetClient.events(mail))
                .containsExactly(
                        "STARTED/PROCESSING_STARTED",
                        "SMIME_SIGNING/OK",
                        "PROCESSED/PROCESSING_FINISHED",
                        "DELIVERED/OK");
        var received = RelaySinkFolder.withMessageId(mail.getString("messageId"));
        assertThat(received).hasSize(1);
        var text = received.get(0).text();
        assertThat(text).contains("multipart/signed", "micalg=sha-256");
        assertThat(text)
                .as("delivered exactly as stored")
                .isEqualTo(Database.mimeOfFirstMail(jobId));
        assertThat(ca.opensslVerifies(text)).as("openssl cms -verify, root CA only").isTrue();
        assertThat(ca.gpgsmVerifies(received.get(0).bytes())).as("gpgsm --verify").isTrue();
        var tampered = text.replace("Hello.", "Hallo.");
        assertThat(ca.opensslVerifies(tampered)).as("openssl on a tampered copy").isFalse();
        assertThat(ca.gpgsmVerifies(tampered.getBytes(StandardCharsets.US_ASCII)))
                .as("gpgsm on a tampered copy")
                .isFalse();
    }

    @Test
    void jobFromSenderWithoutCertificateIsDroppedAsProcessingFailed() {
        var account = signet.newAccount(true, true);

        var jobId = submit(account, "nobody@example.com");

        var job = signet.awaitFinished(account, jobId, FINISH);
        var mail = firstMail(job);
        assertThat(SignetClient.events(mail))
                .containsExactly("STARTED/PROCESSING_STARTED", "DROPPED/PROCESSING_FAILED");
        assertThat(mail.getString("status")).isEqualTo("DROPPED");
        var failure = mail.getJsonArray("events").getJsonObject(1);
        assertThat(
                        List.of(
                                failure.getString("phase"),
                                failure.getString("state"),
                                failure.getString("description")))
                .containsExactly(
                        "PROCESS",
                        "FINISHED",
                        "signature with given key identifier (nobody@example.com) failed");
        assertThat(Database.mimeOfFirstMail(jobId)).isNull();
        assertThat(RelaySinkFolder.withMessageId(mail.getString("messageId"))).isEmpty();
    }

    @Test
    void certificateOfAnotherCustomerIsNeverUsed() throws Exception {
        var owner = signet.newAccount(true, true);
        signet.importCertificate(owner, ca.issue("shared@example.com", "pw-shared"));
        var other = signet.newAccount(true, true);

        var jobId = submit(other, "shared@example.com");

        assertThat(SignetClient.events(firstMail(signet.awaitFinished(other, jobId, FINISH))))
                .containsExactly("STARTED/PROCESSING_STARTED", "DROPPED/PROCESSING_FAILED");
    }

    @Test
    void jobThatIsNotSignedIsDeliveredUnsigned() {
        var account = signet.newAccount(false, false);

        var jobId = submit(account, "plain@example.com");

        var mail = firstMail(signet.awaitFinished(account, jobId, FINISH));
        assertThat(SignetClient.events(mail))
                .containsExactly(
                        "STARTED/PROCESSING_STARTED",
                        "PROCESSED/PROCESSING_FINISHED",
                        "DELIVERED/OK");
        var received = RelaySinkFolder.withMessageId(mail.getString("messageId"));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).text())
                .doesNotContain("multipart/signed")
                .contains("Subject: Test mail")
                .contains("Hello.");
    }

    private String submit(SignetClient.Account account, String from) {
        var response = signet.submitJob(account, jobRequest(from, null, "to@example.org"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).getString("jobId");
    }

    private static JsonObject firstMail(JsonObject job) {
        return job.getJsonArray("mails").getJsonObject(0);
    }
}
