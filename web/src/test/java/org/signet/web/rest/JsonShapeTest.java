package org.signet.web.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signet.intake.JobRequest;

class JsonShapeTest {

    private static final String VALID =
            """
            {"subject": {"content": "Hello"},
             "body": {"contentType": "text/plain", "content": "Hi."},
             "recipients": [{"mail": {"to": [{"email": "a@example.com"}],
                                      "xHeaders": {"X-Campaign": "spring"}}}],
             "mail": {"from": {"email": "sender@example.com"}},
             "job": {"options": {"anything": "goes"}}}
            """;

    @Test
    void wellShapedRequestHasNoFindings() {
        assertThat(check(VALID)).isEmpty();
    }

    @Test
    void nullsAndEmptyStringsAreRejectedWithTheirPath() {
        var findings =
                check(
                        VALID.replace("\"Hi.\"", "\"\"")
                                .replace("\"spring\"", "null")
                                .replace("{\"email\": \"a@example.com\"}", "null"));

        assertThat(fields(findings))
                .containsExactlyInAnyOrder(
                        "body.content",
                        "recipients[0].mail.to[0]",
                        "recipients[0].mail.xHeaders.X-Campaign");
        assertThat(findings.get(0).message()).contains("must not be");
    }

    @Test
    void unknownMembersAreNamedWithTheMembersThatExist() {
        var findings = check(VALID.replace("\"contentType\"", "\"type\""));

        assertThat(fields(findings)).containsExactlyInAnyOrder("body.type");
        assertThat(findings.get(0).message()).contains("contentType", "content", "charset");
    }

    @Test
    void wrongJsonTypesAreNamed() {
        var findings =
                check(
                        VALID.replace("{\"content\": \"Hello\"}", "\"Hello\"")
                                .replace(
                                        "[{\"email\": \"a@example.com\"}]",
                                        "{\"email\": \"a@example.com\"}")
                                .replace(
                                        "\"job\": {\"options\"",
                                        "\"job\": {\"features\": {\"messageSigning\":"
                                                + " {\"active\": \"yes\"}}, \"options\""));

        assertThat(findings)
                .extracting(Problem.Violation::field, Problem.Violation::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("subject", "must be an object"),
                        org.assertj.core.groups.Tuple.tuple(
                                "recipients[0].mail.to", "must be an array"),
                        org.assertj.core.groups.Tuple.tuple(
                                "job.features.messageSigning.active", "must be true or false"));
    }

    @Test
    void aDocumentThatIsNoObjectIsNamedAsAWhole() {
        assertThat(fields(check("[1, 2]"))).containsExactly("$");
    }

    @Test
    void findingsStopAtTheLimit() {
        var entries = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"mail\": null}");
        }
        var findings = check(VALID.replaceFirst("(?s)\\[\\{\"mail\".*?}}}]", "[" + entries + "]"));

        assertThat(findings).hasSize(JsonShape.MAX_VIOLATIONS);
    }

    private static List<Problem.Violation> check(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return JsonShape.check(reader.readValue(), JobRequest.class);
        }
    }

    private static List<String> fields(List<Problem.Violation> findings) {
        return findings.stream().map(Problem.Violation::field).toList();
    }
}
