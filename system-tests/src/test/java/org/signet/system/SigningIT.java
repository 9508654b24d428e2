package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jobs that the policy signs are signed with the certificate the customer's PKI holds for the
 * envelope sender; the stored message verifies with openssl against the customer's root alone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SigningIT {

    private static OpensslPki ca;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return Deployments.signetEar();
    }

    private final SignetClient signet = new SignetClient();

    @BeforeAll
    static void customerCa() {
        ca = new OpensslPki();
    }

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void jobFromSenderWithCertificateIsSignedWithIt() throws Exception {
        var account = signet.newAccount(true, true);
        importCertificate(account, ca.issue("billing@example.com", "pw-billing"));

        var jobId = submit(account, "Billing <BILLING@example.com>");

        var events = awaitEvents(account, jobId, "PROCESSING_FINISHED");
        assertThat(events)
                .containsExactly(
                        "STARTED/PROCESSING_STARTED",
                        "SMIME_SIGNING/OK",
                        "PROCESSED/PROCESSING_FINISHED");
        var mime = Database.mimeOfFirstMail(jobId);
        assertThat(mime).contains("multipart/signed", "micalg=sha-256");
        assertThat(ca.verifies(mime)).as("openssl cms -verify of the stored message").isTrue();
        assertThat(ca.verifies(mime.replace("Hello.", "Hallo."))).as("tampered copy").isFalse();
    }

    @Test
    void jobFromSenderWithoutCertificateIsDroppedAsProcessingFailed() {
        var account = signet.newAccount(true, true);

        var jobId = submit(account, "nobody@example.com");

        var events = awaitEvents(account, jobId, "PROCESSING_FAILED");
        assertThat(events)
                .containsExactly("STARTED/PROCESSING_STARTED", "DROPPED/PROCESSING_FAILED");
        var job = json(signet.job(account, jobId));
        var mail = job.getJsonArray("mails").getJsonObject(0);
        assertThat(mail.getString("status")).isEqualTo("DROPPED");
        assertThat(job.getString("status")).isEqualTo("FINISHED");
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
    }

    @Test
    void certificateOfAnotherCustomerIsNeverUsed() throws Exception {
        var owner = signet.newAccount(true, true);
        importCertificate(owner, ca.issue("shared@example.com", "pw-shared"));
        var other = signet.newAccount(true, true);

        var jobId = submit(other, "shared@example.com");

        assertThat(awaitEvents(other, jobId, "PROCESSING_FAILED"))
                .contains("DROPPED/PROCESSING_FAILED");
    }

    @Test
    void jobThatIsNotSignedIsStoredUnsigned() {
        var account = signet.newAccount(false, false);

        var jobId = submit(account, "plain@example.com");

        assertThat(awaitEvents(account, jobId, "PROCESSING_FINISHED"))
                .containsExactly("STARTED/PROCESSING_STARTED", "PROCESSED/PROCESSING_FINISHED");
        assertThat(Database.mimeOfFirstMail(jobId))
                .doesNotContain("multipart/signed")
                .contains("Subject: Test mail");
    }

    private void importCertificate(SignetClient.Account account, OpensslPki.Issued issued)
            throws Exception {
        var response =
                signet.upload(
                        "/rest/v1/admin/customers/" + account.customerNo() + "/certificates",
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        Files.readAllBytes(issued.pkcs12()),
                        issued.password());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private String submit(SignetClient.Account account, String from) {
        var response = signet.submitJob(account, jobRequest(from, null, "to@example.org"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).getString("jobId");
    }

    /** The first mail's events as type/subType, once one of them has the given subType. */
    private List<String> awaitEvents(SignetClient.Account account, String jobId, String subType) {
        var events = new AtomicReference<List<String>>();
        Poll.until(
                Duration.ofSeconds(30),
                "job " + jobId + " to reach " + subType,
                () -> {
                    var mail =
                            json(signet.job(account, jobId)).getJsonArray("mails").getJsonObject(0);
                    events.set(
                            mail.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                                    .map(e -> e.getString("type") + "/" + e.getString("subType"))
                                    .toList());
                    return events.get().stream().anyMatch(e -> e.endsWith("/" + subType));
                });
        return events.get();
    }
}
