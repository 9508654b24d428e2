package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jobs API over HTTP against the deployed EAR, each test with accounts of its own. */
class JobApiIT {

    private final SignetClient signet = new SignetClient();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void healthReportsDatabaseAndBrokerUp() {
        var response = signet.get("/rest/v1/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).getString("status")).isEqualTo("UP");
        assertThat(json(response).getString("database")).isEqualTo("UP");
        assertThat(json(response).getString("broker")).isEqualTo("UP");
    }

    @Test
    void acceptedJobHasOneMailPerRecipientEachTrackedFromProcessingStartedToDelivered() {
        var account = signet.newAccount(false, false);

        var response =
                signet.submitJob(
                        account,
                        jobRequest(
                                "Sender <sender@example.com>",
                                null,
                                "Alice<alice@example.com>",
                                "bob@example.org"));

        assertThat(response.statusCode()).isEqualTo(202);
        var jobId = json(response).getString("jobId");
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).endsWith("/rest/v1/jobs/" + jobId));

        var job = awaitEveryMailHas(account, jobId, "OK");
        assertThat(job.getString("account")).isEqualTo(account.id());
        assertThat(job.getString("customerNo")).isEqualTo(account.customerNo());
        assertThat(job.getString("signing")).isEqualTo("NO_SIGN");
        assertThat(job.getString("status")).isEqualTo("FINISHED");
        var mails = job.getJsonArray("mails").getValuesAs(JsonObject.class);
        assertThat(mails)
                .extracting(m -> m.getString("email"))
                .containsExactly("alice@example.com", "bob@example.org");
        assertThat(mails)
                .allSatisfy(
                        mail -> {
                            assertThat(mail.getString("from")).isEqualTo("sender@example.com");
                            assertThat(mail.getString("messageId"))
                                    .matches("<[0-9a-f-]{36}@example\\.com>");
                            assertThat(mail.getString("status")).isEqualTo("DELIVERED");
                            var event = mail.getJsonArray("events").getJsonObject(0);
                            assertThat(
                                            List.of(
                                                    event.getString("phase"),
                                                    event.getString("state"),
                                                    event.getString("type"),
                                                    event.getString("subType")))
                                    .containsExactly(
                                            "PROCESS", "INITIAL", "STARTED", "PROCESSING_STARTED");
                            assertThat(event.getString("ts"))
                                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                        });
    }

    @Test
    void accountWithSigningActiveByDefaultSignsJobsThatSayNothing() {
        var account = signet.newAccount(true, true);

        var jobId =
                json(signet.submitJob(account, jobRequest("a@example.com", null, "b@example.com")))
                        .getString("jobId");

        assertThat(json(signet.job(account, jobId)).getString("signing")).isEqualTo("SIGN");
    }

    @Test
    void jobThatTurnsSigningOffIsNotSigned() {
        var account = signet.newAccount(true, true);

        var jobId =
                json(signet.submitJob(account, jobRequest("a@example.com", false, "b@example.com")))
                        .getString("jobId");

        assertThat(json(signet.job(account, jobId)).getString("signing")).isEqualTo("NO_SIGN");
    }

    @Test
    void jobAskingForSigningOnAccountWithoutTheFeatureIsRejectedAndNothingIsStored() {
        var account = signet.newAccount(false, false);

        var response =
                signet.submitJob(account, jobRequest("a@example.com", true, "b@example.com"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(json(response).getString("detail")).contains("messageSigning");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void malformedJsonIsAnsweredWithProblemAndNothingIsStored() {
        var account = signet.newAccount(false, false);

        var response = signet.submitJob(account, "{\"subject\": {\"content\": \"unfinished");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(json(response).getString("detail")).contains("not a well-formed JSON");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void invalidJobRequestNamesEachFieldAtFault() {
        var account = signet.newAccount(false, false);
        var request =
                "{\"subject\": {\"content\": \"\"},"
                        + " \"recipients\": [{\"mail\": {\"to\": [{\"email\": \"a@example.com\"},"
                        + " {\"email\": \"not an address\"}]}}]}";

        var response = signet.submitJob(account, request);

        assertThat(response.statusCode()).isEqualTo(400);
        var fields =
                json(response).getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                        .map(v -> v.getString("field"))
                        .toList();
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "subject.content", "recipients[0].mail.to[1].email", "mail");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void wrongPasswordIsAnsweredWith401ProblemAndNothingIsStored() {
        var account = signet.newAccount(false, false);

        var response =
                signet.send(
                        "POST",
                        "/rest/v1/jobs",
                        account.id(),
                        "wrong-password",
                        jobRequest("a@example.com", null, "b@example.com"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(json(response).getInt("status")).isEqualTo(401);
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountOutUntilAnAdministratorUnlocksIt() {
        var account = signet.newAccount(false, false);
        var job = jobRequest("a@example.com", null, "b@example.com");

        for (int attempt = 1; attempt <= 5; attempt++) {
            var wrong = signet.send("POST", "/rest/v1/jobs", account.id(), "wrong-" + attempt, job);
            assertThat(wrong.statusCode()).as("attempt %d", attempt).isEqualTo(401);
        }
        var lockedOut = signet.submitJob(account, job);
        signet.send(
                "PATCH",
                "/rest/v1/admin/accounts/" + account.id(),
                "admin",
                SignetClient.ADMIN_PASSWORD,
                "{\"status\": \"ACTIVE\"}");
        var unlocked = signet.submitJob(account, job);

        assertThat(lockedOut.statusCode()).isEqualTo(403);
        assertThat(json(lockedOut).getString("detail")).contains("locked");
        assertThat(unlocked.statusCode()).isEqualTo(202);
    }

    @Test
    void requestWithoutCredentialsIsAnsweredWith401() {
        var response =
                signet.send(
                        "POST",
                        "/rest/v1/jobs",
                        null,
                        null,
                        jobRequest("a@example.com", null, "b@example.com"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void jobOfAnotherCustomerIsNotFound() {
        var owner = signet.newAccount(false, false);
        var stranger = signet.newAccount(false, false);
        var jobId =
                json(signet.submitJob(owner, jobRequest("a@example.com", null, "b@example.com")))
                        .getString("jobId");

        var response = signet.job(stranger, jobId);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
    }

    @Test
    void technicalAccountCannotUseTheAdministrationApi() {
        var account = signet.newAccount(false, false);

        var response =
                signet.send(
                        "POST",
                        "/rest/v1/admin/customers",
                        account.id(),
                        account.password(),
                        "{\"name\": \"Intruder\"}");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private JsonObject awaitEveryMailHas(
            SignetClient.Account account, String jobId, String subType) {
        var job = new AtomicReference<JsonObject>();
        Poll.until(
                Duration.ofSeconds(30),
                "every mail of job " + jobId + " to have " + subType,
                () -> {
                    job.set(json(signet.job(account, jobId)));
                    return job.get().getJsonArray("mails").getValuesAs(JsonObject.class).stream()
                            .allMatch(
                                    mail ->
                                            mail
                                                    .getJsonArray("events")
                                                    .getValuesAs(JsonObject.class)
                                                    .stream()
                                                    .anyMatch(
                                                            e ->
                                                                    e.getString("subType")
                                                                            .equals(subType)));
                });
        return job.get();
    }
}
