package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full JobRequest through the deployed EAR: every member reaches the composed mail, and every
 * kind of bad request is refused with the fields at fault and nothing stored.
 */
class JobRequestIT {

    private final SignetClient signet = new SignetClient();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void everyMemberOfTheJobRequestReachesTheComposedMail() throws Exception {
        var account = signet.newAccount(false, false);
        var html = "<p>Gr\u00fc\u00dfe aus K\u00f6ln</p>";
        var request =
                """
                {"subject": {"content": "Ihre Bestellung =E2=82=AC 5", "charset": "UTF-8",
                             "contentEncoding": "quoted-printable"},
                 "body": {"contentType": "text/html", "content": "%s", "charset": "ISO-8859-1",
                          "contentEncoding": "base64"},
                 "alternative": {"contentType": "text/plain", "content": "Gr\u00fc\u00dfe"},
                 "attachments": [{"name": "invoice.pdf", "contentType": "application/pdf",
                                  "content": "JVBERi0xLjQK"}],
                 "recipients": [
                   {"mail": {"to": [{"email": "Alice <alice@example.com>"}],
                             "cc": [{"email": "carol@example.com"}],
                             "bcc": [{"email": "audit@example.com"}],
                             "priority": "HIGH", "xHeaders": {"X-Order": "4711"}},
                    "reference": "order-4711"},
                   {"mail": {"to": [{"email": "bob@example.org"}]}}],
                 "mail": {"from": {"email": "bounces@example.com"},
                          "mimeFrom": {"email": "Shop <shop@example.com>"},
                          "replyTo": {"email": "service@example.com"}},
                 "job": {"referenceJob": "batch-7", "costCenter": "cc-1", "campaignId": "spring",
                         "options": {"tracking": "on"}},
                 "notification": {"endPoint": {"url": "http://127.0.0.1:9/signet",
                                  "headers": {"X-Api-Key": "k"},
                                  "authentication": {"method": "BASIC", "user": "hook",
                                                     "password": "hook-s3cret"}}}}
                """
                        .formatted(
                                Base64.getEncoder()
                                        .encodeToString(
                                                html.getBytes(StandardCharsets.ISO_8859_1)));

        var response = signet.submitJob(account, request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var jobId = json(response).getString("jobId");
        var job = json(signet.job(account, jobId));
        assertThat(job.getString("referenceJob")).isEqualTo("batch-7");
        assertThat(job.getJsonArray("mails")).hasSize(2);

        Poll.until(
                Duration.ofSeconds(60),
                "the first mail to be composed",
                () -> Database.mimeOfFirstMail(jobId) != null);
        var mail =
                new MimeMessage(
                        Session.getInstance(new Properties()),
                        new ByteArrayInputStream(
                                Database.mimeOfFirstMail(jobId)
                                        .getBytes(StandardCharsets.US_ASCII)));
        assertThat(mail.getSubject()).isEqualTo("Ihre Bestellung \u20ac 5");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Shop <shop@example.com>");
        assertThat(mail.getRecipients(RecipientType.CC))
                .containsExactly(new InternetAddress("carol@example.com"));
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getReplyTo()).containsExactly(new InternetAddress("service@example.com"));
        assertThat(mail.getHeader("X-Order", null)).isEqualTo("4711");
        assertThat(mail.getHeader("X-Priority", null)).startsWith("1");
        var mixed = (MimeMultipart) mail.getContent();
        var alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Gr\u00fc\u00dfe");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo(html);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("invoice.pdf");

        var stored = Database.jobRow(jobId);
        assertThat(stored.get(0)).contains("127.0.0.1:9/signet").doesNotContain("hook-s3cret");
        assertThat(stored.get(1)).isNotBlank().doesNotContain("hook-s3cret");
    }

    @Test
    void nullsEmptyStringsAndUnknownMembersAreRefusedByName() {
        var account = signet.newAccount(false, false);
        var request =
                "{\"subject\": {\"content\": \"Hi\", \"charset\": null},"
                        + " \"body\": {\"contentType\": \"text/plain\", \"content\": \"\"},"
                        + " \"recipients\": [{\"mail\": {\"to\": [{\"email\": \"a@example.com\"}],"
                        + " \"colour\": \"blue\"}}],"
                        + " \"mail\": {\"from\": {\"email\": \"s@example.com\"}}}";

        var response = signet.submitJob(account, request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response))
                .containsExactly("body.content", "recipients[0].mail.colour", "subject.charset");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void contentThatDoesNotDecodeAsDeclaredIsRefused() {
        var account = signet.newAccount(false, false);
        var request =
                jobRequest("s@example.com", null, "a@example.com")
                        .replace(
                                "\"content\": \"Hello.\"}",
                                "\"content\": \"%%%\", \"contentEncoding\": \"base64\"}");

        var response = signet.submitJob(account, request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("body.content");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void moreThanAThousandRecipientEntriesAreRefused() {
        var account = signet.newAccount(false, false);
        var recipients = Collections.nCopies(1001, "r@example.com").toArray(String[]::new);

        var response = signet.submitJob(account, jobRequest("s@example.com", null, recipients));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("recipients");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void aThousandRecipientEntriesAreOneJobOfAThousandMails() {
        var account = signet.newAccount(false, false);
        var recipients = Collections.nCopies(1000, "r@example.com").toArray(String[]::new);

        var response = signet.submitJob(account, jobRequest("s@example.com", null, recipients));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var job = json(signet.job(account, json(response).getString("jobId")));
        assertThat(job.getJsonArray("mails")).hasSize(1000);
    }

    @Test
    void mailOverTheSizeLimitIsRefusedWith413() {
        var account = signet.newAccount(false, false);
        var attachment = Base64.getEncoder().encodeToString(new byte[21 * 1024 * 1024]);
        var request =
                jobRequest("s@example.com", null, "a@example.com")
                        .replace(
                                "\"recipients\"",
                                "\"attachments\": [{\"name\": \"big.bin\", \"contentType\":"
                                        + " \"application/octet-stream\", \"content\": \""
                                        + attachment
                                        + "\"}], \"recipients\"");

        var response = signet.submitJob(account, request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).getString("type")).endsWith("/mail-too-large");
        assertThat(json(response).getString("detail")).contains("limit is 20971520 bytes");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void requestBodyOverTheReadLimitIsRefusedWith413() {
        var account = signet.newAccount(false, false);
        var padding = "x".repeat(33 * 1024 * 1024);
        var request =
                jobRequest("s@example.com", null, "a@example.com")
                        .replace("\"Test mail\"", "\"" + padding + "\"");

        var response = signet.submitJob(account, request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).getString("type")).endsWith("/request-too-large");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void sameIdempotencyKeyAndBodyAnswerTheFirstJob() {
        var account = signet.newAccount(false, false);
        var key = UUID.randomUUID().toString();
        var request = jobRequest("s@example.com", null, "a@example.com");

        var first = signet.submitJob(account, request, key);
        var second = signet.submitJob(account, request, key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second).getString("jobId")).isEqualTo(json(first).getString("jobId"));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(Database.jobsOfAccount(account.id())).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsAConflict() {
        var account = signet.newAccount(false, false);
        var key = UUID.randomUUID().toString();

        var first =
                signet.submitJob(account, jobRequest("s@example.com", null, "a@example.com"), key);
        var second =
                signet.submitJob(account, jobRequest("s@example.com", null, "b@example.com"), key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).getString("detail")).contains(json(first).getString("jobId"));
        assertThat(Database.jobsOfAccount(account.id())).isEqualTo(1);
    }

    @Test
    void idempotencyKeysAreKeptPerAccount() {
        var one = signet.newAccount(false, false);
        var other = signet.newAccount(false, false);
        var key = UUID.randomUUID().toString();
        var request = jobRequest("s@example.com", null, "a@example.com");

        var first = signet.submitJob(one, request, key);
        var second = signet.submitJob(other, request, key);

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(json(second).getString("jobId")).isNotEqualTo(json(first).getString("jobId"));
    }

    @Test
    void recipientEntryThatContradictsTheJobOnSigningIsRefused() {
        var account = signet.newAccount(true, false);
        var request =
                jobRequest("s@example.com", true, "a@example.com")
                        .replace(
                                "}]}}]",
                                "}]}, \"features\": {\"messageSigning\": {\"active\": false}}}]");

        var response = signet.submitJob(account, request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(fields(response))
                .containsExactly("recipients[0].features.messageSigning.active");
    }

    private static List<String> fields(HttpResponse<String> response) {
        return json(response).getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("field"))
                .toList();
    }
}
