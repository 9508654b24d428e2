package org.signet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobRequestValidationTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void minimalRequestIsValid() {
        assertThat(violations(JobRequests.of(JobRequests.MINIMAL))).isEmpty();
    }

    @Test
    void fullRequestIsValid() {
        var pdf = Base64.getEncoder().encodeToString(new byte[] {'%', 'P', 'D', 'F', 0, -1});
        var request =
                JobRequests.of(
                        """
                        {"subject": {"content": "=?x?= Gr=C3=BC=C3=9Fe", "charset": "UTF-8",
                                     "contentEncoding": "quoted-printable",
                                     "contentTransferEncoding": "base64"},
                         "body": {"contentType": "text/html", "content": "PGI+SGk8L2I+",
                                  "contentEncoding": "base64", "charset": "ISO-8859-1"},
                         "alternative": {"contentType": "text/plain", "content": "Hi",
                                         "contentTransferEncoding": "quoted-printable"},
                         "attachments": [{"name": "report.pdf", "contentType":
                                          "application/pdf; name=\\"report.pdf\\"",
                                          "content": "%s"}],
                         "recipients": [{"mail": {"to": [{"email": "Alice<alice@example.com>"}],
                                                  "cc": [{"email": "carol@example.com"}],
                                                  "bcc": [{"email": "bob@example.com"}],
                                                  "replyTo": {"email": "help@example.com"},
                                                  "inReplyTo": "<abc@example.com>",
                                                  "priority": "high",
                                                  "listUnsubscribe": "https://example.com/u?a=1",
                                                  "xHeaders": {"X-Customer": "4711"}},
                                         "features": {"messageSigning": {"active": true}},
                                         "reference": "order-4711"}],
                         "mail": {"from": {"email": "sender@example.com"},
                                  "mimeFrom": {"email": "Shop <shop@example.com>"},
                                  "replyTo": {"email": "reply@example.com"},
                                  "priority": "LOW", "xHeaders": {"X-Shop": "main"}},
                         "job": {"referenceJob": "batch-1", "costCenter": "cc-1",
                                 "campaignId": "spring", "options": {"a": "b"},
                                 "features": {"messageSigning": {"active": true}}},
                         "notification": {"endPoint": {"url": "https://hooks.example.com/signet",
                                          "headers": {"X-Token": "t"},
                                          "authentication": {"method": "BASIC", "user": "u",
                                                             "password": "p"}}}}
                        """
                                .formatted(pdf));

        assertThat(violations(request)).isEmpty();
        assertThat(request.recipientsDisagreeingOnSigning()).isEmpty();
    }

    @Test
    void missingRequiredMembersAreNamed() {
        var request =
                JobRequests.of(
                        "{\"recipients\": [{\"mail\": {\"to\": []}}], \"mail\": {}, "
                                + "\"body\": {\"content\": \"x\"}}");

        assertThat(violations(request))
                .containsOnlyKeys(
                        "subject", "mail.from", "recipients[0].mail.to", "body.contentType");
    }

    @Test
    void invalidAddressesAreNamedWithTheirPosition() {
        var request =
                JobRequests.of(
                        JobRequests.MINIMAL.replace(
                                "[{\"email\": \"Alice<alice@example.com>\"}]",
                                "[{\"email\": \"alice@example.com\"}, {\"email\": \"no address\"},"
                                        + " {\"email\": \"a@b.c, d@e.f\"},"
                                        + " {\"email\": \"j\u00f6rg@example.com\"}]"));

        assertThat(violations(request))
                .containsOnlyKeys(
                        "recipients[0].mail.to[1].email",
                        "recipients[0].mail.to[2].email",
                        "recipients[0].mail.to[3].email");
    }

    @Test
    void contentThatDoesNotDecodeAsDeclaredIsNamed() {
        var request =
                JobRequests.of(
                        JobRequests.MINIMAL
                                .replace(
                                        "{\"content\": \"Hello\"}",
                                        "{\"content\": \"not base64!\", \"contentEncoding\":"
                                                + " \"base64\"}")
                                .replace(
                                        "\"content\": \"Hi.\"}",
                                        "\"content\": \"Hi.\", \"charset\": \"no-such-charset\"}"));

        assertThat(violations(request))
                .containsEntry("subject.content", "is not base64 as contentEncoding says")
                .containsEntry("body.charset", "is not a charset Signet knows");
    }

    @Test
    void bytesThatAreNotTextInTheCharsetAreRefused() {
        var latin1 =
                Base64.getEncoder()
                        .encodeToString("Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1));
        var request =
                JobRequests.of(
                        JobRequests.MINIMAL.replace(
                                "\"content\": \"Hi.\"}",
                                "\"content\": \""
                                        + latin1
                                        + "\", \"contentEncoding\": \"base64\"}"));

        assertThat(violations(request))
                .containsEntry("body.content", "does not decode to UTF-8 text");
    }

    @Test
    void textThatTheCharsetCannotHoldIsRefused() {
        var request =
                JobRequests.of(
                        JobRequests.MINIMAL.replace(
                                "\"content\": \"Hi.\"}",
                                "\"content\": \"\u20ac 5\", \"charset\": \"ISO-8859-1\"}"));

        assertThat(violations(request)).containsOnlyKeys("body.charset");
    }

    @Test
    void subjectIsLimitedTo500CharactersOnceDecoded() {
        var ok = "x".repeat(500);
        var encoded = Base64.getEncoder().encodeToString(ok.getBytes(StandardCharsets.UTF_8));
        var decodedFits =
                JobRequests.of(
                        JobRequests.MINIMAL.replace(
                                "{\"content\": \"Hello\"}",
                                "{\"content\": \""
                                        + encoded
                                        + "\", \"contentEncoding\": \"base64\"}"));
        var tooLong =
                JobRequests.of(
                        JobRequests.MINIMAL.replace(
                                "{\"content\": \"Hello\"}", "{\"content\": \"" + ok + "y\"}"));

        assertThat(violations(decodedFits)).isEmpty();
        assertThat(violations(tooLong)).containsOnlyKeys("subject.content");
    }

    @Test
    void headersThatCouldInjectOrOverrideAreRefused() {
        var request =
                JobRequests.of(
                        JobRequests.MINIMAL.replace(
                                "\"mail\": {\"from\": {\"email\": \"sender@example.com\"}}",
                                "\"mail\": {\"from\": {\"email\": \"sender@example.com\"},"
                                    + " \"xHeaders\": {\"X-Ok\": \"a\\r"
                                    + "\\n"
                                    + "Bcc: evil@example.com\", \"Subject\": \"other\","
                                    + " \"X-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE\": \"false\"}}"));

        assertThat(violations(request))
                .containsOnlyKeys(
                        "mail.xHeaders.X-Ok",
                        "mail.xHeaders.Subject",
                        "mail.xHeaders.X-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE");
    }

    @Test
    void enumeratedMembersAcceptOnlyTheirValues() {
        var request =
                JobRequests.minimalWith(
                        "\"alternative\": {\"contentType\": \"text/markdown\", \"content\": \"x\","
                                + " \"contentEncoding\": \"uuencode\","
                                + " \"contentTransferEncoding\": \"8bit\"},"
                                + " \"attachments\": [{\"name\": \"../etc/passwd\","
                                + " \"contentType\": \"pdf\", \"content\": \"a=b=\"}],"
                                + " \"notification\": {\"endPoint\": {\"url\": \"ftp://x\","
                                + " \"authentication\": {\"method\": \"DIGEST\", \"user\": \"u\","
                                + " \"password\": \"p\"}}}");

        assertThat(violations(request))
                .containsOnlyKeys(
                        "alternative.contentType",
                        "alternative.contentEncoding",
                        "alternative.contentTransferEncoding",
                        "attachments[0].name",
                        "attachments[0].contentType",
                        "attachments[0].content",
                        "notification.endPoint.url",
                        "notification.endPoint.authentication.method");
    }

    @Test
    void tooManyRecipientEntriesAreRefused() {
        var entry = "{\"mail\": {\"to\": [{\"email\": \"a@example.com\"}]}}";
        var entries = String.join(",", java.util.Collections.nCopies(1001, entry));
        var request =
                JobRequests.of(
                        JobRequests.MINIMAL.replaceFirst(
                                "\"recipients\": \\[.*]}}]", "\"recipients\": [" + entries + "]"));

        assertThat(violations(request)).containsOnlyKeys("recipients");
    }

    @Test
    void recipientEntryThatOverrulesTheJobOnSigningIsFound() {
        var request =
                JobRequests.of(
                        JobRequests.MINIMAL.replace(
                                "\"recipients\": [",
                                "\"recipients\": [{\"mail\": {\"to\": [{\"email\":"
                                        + " \"b@example.com\"}]}, \"features\":"
                                        + " {\"messageSigning\": {\"active\": false}}},"));

        assertThat(request.recipientsDisagreeingOnSigning()).containsExactly(0);
    }

    @Test
    void storedRequestKeepsNoNotificationPassword() {
        var request =
                JobRequests.minimalWith(
                        "\"notification\": {\"endPoint\": {\"url\": \"https://h.example.com\","
                                + " \"authentication\": {\"method\": \"BASIC\", \"user\": \"u\","
                                + " \"password\": \"s3cret\"}}}");

        var stored = request.withoutNotificationPassword();

        assertThat(request.notificationPassword()).isEqualTo("s3cret");
        assertThat(stored.notificationPassword()).isNull();
        assertThat(stored.notification().endPoint().authentication().user()).isEqualTo("u");
        assertThat(request.notification().endPoint().authentication().toString())
                .doesNotContain("s3cret");
    }

    private static Map<String, String> violations(JobRequest request) {
        var found = new TreeMap<String, String>();
        for (ConstraintViolation<JobRequest> v : validator.validate(request)) {
            found.put(path(v), v.getMessage());
        }
        return found;
    }

    /** The JSON path the REST API reports, rebuilt from the property path. */
    private static String path(ConstraintViolation<?> violation) {
        var json = new StringBuilder();
        for (var node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        json.append('[').append(node.getIndex()).append(']');
                    } else if (node.getKey() != null) {
                        json.append('.').append(node.getKey());
                    }
                }
                case PROPERTY -> {
                    if (node.getIndex() != null && node.isInIterable()) {
                        json.append('[').append(node.getIndex()).append(']');
                    }
                    json.append(json.length() > 0 ? "." : "").append(node.getName());
                }
                default -> {}
            }
        }
        return json.toString();
    }
}
