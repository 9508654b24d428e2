package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Push notifications to a real HTTP receiver in this JVM: the document each event sends, BASIC
 * authentication and headers, and the retry rules (the test runtime waits 1, 1, 2 and 2 s between
 * attempts, and gives up on a receiver after 3 s).
 */
class NotificationIT {

    private static final Duration FINISH = Duration.ofSeconds(60);

    private static Receiver receiver;

    private final SignetClient signet = new SignetClient();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void everyEventOfAMailIsPushedWithTheJobsHeadersAndBasicAuthentication() {
        var url = receiver.serve("/hook", requests -> 204);
        var account = signet.newAccount(false, false);

        var jobId =
                submit(
                        account,
                        withEndpoint(
                                jobRequest("shop@example.com", null, "alice@example.com"),
                                url,
                                "\"headers\": {\"X-Tenant\": \"7\"}, \"authentication\":"
                                        + " {\"method\": \"BASIC\", \"user\": \"hook\","
                                        + " \"password\": \"pa:ss w\u00f6rd\"}"));
        var job = signet.awaitFinished(account, jobId, FINISH);
        Poll.until(FINISH, "three pushes", () -> receiver.requests("/hook").size() == 3);

        var mail = job.getJsonArray("mails").getJsonObject(0);
        var requests = receiver.requests("/hook");
        var expectedAuth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        "hook:pa:ss w\u00f6rd".getBytes(StandardCharsets.UTF_8));
        assertThat(requests)
                .allSatisfy(
                        request -> {
                            assertThat(request.header("Authorization")).isEqualTo(expectedAuth);
                            assertThat(request.header("X-Tenant")).isEqualTo("7");
                            assertThat(request.header("Signet-Signature"))
                                    .as("an account without a secret does not sign")
                                    .isNull();
                            assertThat(request.header("Content-Type"))
                                    .startsWith("application/json");
                        });
        var documents = requests.stream().map(r -> parse(r.body())).toList();
        assertThat(documents)
                .extracting(d -> event(d).getString("subType"))
                .containsExactlyInAnyOrder("PROCESSING_STARTED", "PROCESSING_FINISHED", "OK");
        var document = documents.get(0);
        var meta = document.getJsonObject("meta");
        assertThat(meta.getString("jobId")).isEqualTo(jobId);
        assertThat(meta.getString("account")).isEqualTo(account.id());
        assertThat(meta.getString("customerNo")).isEqualTo(account.customerNo());
        assertThat(meta.getString("version")).isEqualTo("1");
        assertThat(meta.getString("receivedTs")).isEqualTo(job.getString("receivedTs"));
        var pushedMail =
                document.getJsonArray("notifications")
                        .getJsonObject(0)
                        .getJsonObject("meta")
                        .getJsonObject("mail");
        assertThat(pushedMail.getString("id")).isEqualTo(mail.getString("id"));
        assertThat(pushedMail.getString("email")).isEqualTo("alice@example.com");
        assertThat(pushedMail.getString("from")).isEqualTo("shop@example.com");
        assertThat(event(document).getString("ts"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        awaitEveryPush(jobId, "DELIVERED/1");
    }

    @Test
    void receiverThatFailsTwiceGetsTheEventOnTheThirdAttempt() {
        // 500 for the first two requests of each event, then 200
        var url =
                receiver.serve(
                        "/flaky",
                        requests -> {
                            var last = requests.get(requests.size() - 1).body();
                            var key = event(parse(last)).getString("subType");
                            var same =
                                    requests.stream()
                                            .filter(
                                                    r ->
                                                            event(parse(r.body()))
                                                                    .getString("subType")
                                                                    .equals(key))
                                            .count();
                            return same <= 2 ? 500 : 200;
                        });
        var account = signet.newAccount(false, false);

        var jobId = submitPushingTo(account, url);

        awaitEveryPush(jobId, "DELIVERED/3");
        assertThat(receiver.requests("/flaky")).hasSize(9);
    }

    @Test
    void receiverThatAnswers404IsNotTriedAgain() {
        var url = receiver.serve("/gone", requests -> 404);
        var account = signet.newAccount(false, false);

        var jobId = submitPushingTo(account, url);

        awaitEveryPush(jobId, "GIVEN_UP/1");
        assertThat(receiver.requests("/gone")).hasSize(3);
    }

    @Test
    void receiverThatHangsDoesNotHoldUpTheMails() {
        var url = receiver.serve("/hangs", requests -> -20);
        var account = signet.newAccount(false, false);

        var jobIds = new java.util.ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            jobIds.add(
                    submit(
                            account,
                            withEndpoint(
                                    jobRequest("s@example.com", null, "b" + i + "@example.com"),
                                    url,
                                    null)));
        }

        // ten mails, thirty pushes that each wait out the receiver's 3 s timeout: the mails
        // are delivered long before the pushes give up
        for (var jobId : jobIds) {
            var job = signet.awaitFinished(account, jobId, Duration.ofSeconds(30));
            assertThat(job.getJsonArray("mails").getJsonObject(0).getString("status"))
                    .isEqualTo("DELIVERED");
        }
        assertThat(Database.notificationsOfJob(jobIds.get(9)).values())
                .allSatisfy(status -> assertThat(status).startsWith("PENDING/"));
    }

    @Test
    void accountWithASigningSecretSignsEachPushWithHmacSha256OverTimestampAndBody()
            throws Exception {
        var url = receiver.serve("/signed", requests -> 200);
        var account = signet.newAccount(false, false);
        var created =
                signet.send(
                        "POST",
                        "/rest/v1/admin/accounts/" + account.id() + "/notification-secret",
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        var secret = json(created).getString("secret");
        assertThat(json(created).getString("header")).isEqualTo("Signet-Signature");
        var forbidden =
                signet.send(
                        "POST",
                        "/rest/v1/admin/accounts/" + account.id() + "/notification-secret",
                        account.id(),
                        account.password(),
                        null);
        assertThat(forbidden.statusCode()).isIn(401, 403);

        submitPushingTo(account, url);
        Poll.until(FINISH, "three pushes", () -> receiver.requests("/signed").size() == 3);

        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(
                new javax.crypto.spec.SecretKeySpec(
                        secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        for (var request : receiver.requests("/signed")) {
            var header = request.header("Signet-Signature");
            assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
            var timestamp = header.substring(2, header.indexOf(','));
            var expected =
                    java.util.HexFormat.of()
                            .formatHex(
                                    mac.doFinal(
                                            (timestamp + "." + request.body())
                                                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(header).endsWith(",v1=" + expected);
            assertThat(Long.parseLong(timestamp))
                    .isCloseTo(java.time.Instant.now().getEpochSecond(), within(120L));
        }
    }

    private String submit(SignetClient.Account account, String request) {
        var response = signet.submitJob(account, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).getString("jobId");
    }

    private static String withEndpoint(String request, String url, String more) {
        var endPoint = "{\"url\": \"" + url + "\"" + (more == null ? "" : ", " + more) + "}";
        return request.substring(0, request.length() - 1)
                + ", \"notification\": {\"endPoint\": "
                + endPoint
                + "}}";
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonObject event(JsonObject document) {
        return document.getJsonArray("notifications")
                .getJsonObject(0)
                .getJsonObject("meta")
                .getJsonObject("event");
    }

    /** A one-mail job whose events are pushed to {@code url}. */
    private String submitPushingTo(SignetClient.Account account, String url) {
        return submit(
                account,
                withEndpoint(jobRequest("s@example.com", null, "b@example.com"), url, null));
    }

    /**
     * Waits until the three pushes of the job's unsigned mail have all ended as {@code outcome}.
     */
    private static void awaitEveryPush(String jobId, String outcome) {
        Poll.until(
                FINISH,
                "every push of job " + jobId + " to end as " + outcome,
                () ->
                        Database.notificationsOfJob(jobId)
                                .equals(
                                        Map.of(
                                                "OK", outcome,
                                                "PROCESSING_FINISHED", outcome,
                                                "PROCESSING_STARTED", outcome)));
    }
}
