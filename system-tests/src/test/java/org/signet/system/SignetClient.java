package org.signet.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Talks to the deployed Signet as its clients do: HTTP and JSON, nothing else. */
final class SignetClient {

    static final String BASE_URL = System.getProperty("signet.url");
    static final String ADMIN_PASSWORD = System.getProperty("signet.admin.password");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A technical account created through the administration API for one test. */
    record Account(String customerNo, String id, String password) {}

    /**
     * Polls the health endpoint until Signet answers UP; the app may 404 for a while after deploy.
     */
    void awaitReady() {
        Poll.until(
                Duration.ofSeconds(120),
                "Signet to report UP",
                () -> {
                    try {
                        var response = get("/rest/v1/health", null, null);
                        return response.statusCode() == 200
                                && response.body().contains("\"status\":\"UP\"");
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
    }

    Account newAccount(boolean signingActive, boolean signingDefaultActive) {
        return newAccount(signingActive, signingDefaultActive, false);
    }

    Account newAccount(
            boolean signingActive, boolean signingDefaultActive, boolean selfServicePki) {
        var customer =
                send(
                        "POST",
                        "/rest/v1/admin/customers",
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"name\": \"Test customer\", \"selfServicePki\": "
                                + selfServicePki
                                + "}");
        require(customer, 201);
        var customerNo = json(customer).getString("customerNo");

        var account =
                send(
                        "POST",
                        "/rest/v1/admin/customers/" + customerNo + "/accounts",
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"messageSigning\": {\"active\": "
                                + signingActive
                                + ", \"defaultActive\": "
                                + signingDefaultActive
                                + "}}");
        require(account, 201);
        var body = json(account);
        return new Account(customerNo, body.getString("accountId"), body.getString("password"));
    }

    /** A console user of a customer, created through the administration API. */
    record ConsoleUser(String username, String password) {}

    ConsoleUser newCustomerUser(String customerNo) {
        var username = "user-" + customerNo.toLowerCase() + "-" + System.nanoTime();
        var response =
                send(
                        "POST",
                        "/rest/v1/admin/customers/" + customerNo + "/users",
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"username\": \"" + username + "\"}");
        require(response, 201);
        return new ConsoleUser(username, json(response).getString("password"));
    }

    HttpResponse<String> submitJob(Account account, String jobRequest) {
        return send("POST", "/rest/v1/jobs", account.id(), account.password(), jobRequest);
    }

    /** Submits a job with an {@code Idempotency-Key} header. */
    HttpResponse<String> submitJob(Account account, String jobRequest, String idempotencyKey) {
        var request =
                authorized(
                                HttpRequest.newBuilder(URI.create(BASE_URL + "/rest/v1/jobs")),
                                account.id(),
                                account.password())
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(jobRequest))
                        .build();
        return exchange(request);
    }

    HttpResponse<String> job(Account account, String jobId) {
        return get("/rest/v1/jobs/" + jobId, account.id(), account.password());
    }

    /** The job once it is FINISHED: every mail delivered, bounced or dropped. */
    JsonObject awaitFinished(Account account, String jobId, Duration timeout) {
        var job = new java.util.concurrent.atomic.AtomicReference<JsonObject>();
        Poll.until(
                timeout,
                () -> "job " + jobId + " to finish; last seen: " + progress(job.get()),
                () -> {
                    job.set(json(job(account, jobId)));
                    return "FINISHED".equals(job.get().getString("status"));
                });
        return job.get();
    }

    /** The job's status and each mail's status and events, for a message that gives up. */
    static String progress(JsonObject job) {
        if (job == null) {
            return "nothing";
        }
        var mails =
                job.getJsonArray("mails").getValuesAs(JsonObject.class).stream()
                        .map(mail -> mail.getString("status") + " " + events(mail))
                        .toList();
        return job.getString("status") + ", mails " + mails;
    }

    /** A mail's events as {@code TYPE/SUBTYPE}, in order. */
    static java.util.List<String> events(JsonObject mail) {
        return mail.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type") + "/" + e.getString("subType"))
                .toList();
    }

    /** Imports a certificate for the account's customer as the administrator; it must be stored. */
    void importCertificate(Account account, OpensslPki.Issued issued) {
        byte[] file;
        try {
            file = java.nio.file.Files.readAllBytes(issued.pkcs12());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + issued.pkcs12(), e);
        }
        var response =
                upload(
                        "/rest/v1/admin/customers/" + account.customerNo() + "/certificates",
                        "admin",
                        ADMIN_PASSWORD,
                        file,
                        issued.password());
        if (response.statusCode() != 201) {
            throw new AssertionError(
                    "certificate import answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
    }

    /** Uploads a certificate file as multipart/form-data with parts file and password. */
    HttpResponse<String> upload(
            String path, String user, String password, byte[] file, String filePassword) {
        var boundary = "signet-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        var head =
                "--"
                        + boundary
                        + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\";"
                        + " filename=\"certificate.p12\"\r\n"
                        + "Content-Type: application/x-pkcs12\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        if (filePassword != null) {
            var part =
                    "\r\n--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n"
                            + filePassword;
            body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var token = user + ":" + password;
        var request =
                HttpRequest.newBuilder(URI.create(BASE_URL + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        token.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("upload to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpResponse<String> get(String path, String user, String password) {
        return send("GET", path, user, password, null);
    }

    HttpResponse<String> send(
            String method, String path, String user, String password, String body) {
        var request =
                HttpRequest.newBuilder(URI.create(BASE_URL + path))
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            authorized(request, user, password);
        }
        return exchange(request.build());
    }

    private static HttpRequest.Builder authorized(
            HttpRequest.Builder request, String user, String password) {
        var token = user + ":" + password;
        return request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "expected "
                            + status
                            + " but got "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
    }

    /** A minimal valid JobRequest with one mail per recipient. */
    static String jobRequest(String from, Boolean signingFlag, String... recipients) {
        var entries = new StringBuilder();
        for (var recipient : recipients) {
            if (entries.length() > 0) {
                entries.append(',');
            }
            entries.append("{\"mail\": {\"to\": [{\"email\": \"")
                    .append(recipient)
                    .append("\"}]}}");
        }
        var job =
                signingFlag == null
                        ? ""
                        : ", \"job\": {\"features\": {\"messageSigning\": {\"active\": "
                                + signingFlag
                                + "}}}";
        return "{\"subject\": {\"content\": \"Test mail\"},"
                + " \"body\": {\"contentType\": \"text/plain\", \"content\": \"Hello.\"},"
                + " \"recipients\": ["
                + entries
                + "], \"mail\": {\"from\": {\"email\": \""
                + from
                + "\"}}"
                + job
                + "}";
    }
}
