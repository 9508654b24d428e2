package org.signet.intake.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signet.intake.ClientMessage;

class SmtpMessageReaderTest {

    private static ValidatorFactory validation;

    @BeforeAll
    static void validator() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void controlHeadersBecomeTheJobsSettingsAndNotificationEndpoint() {
        var job =
                read(
                        "From: Shop <shop@example.com>",
                        "To: Alice <Alice@Example.com>, bob@example.org",
                        "X-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE: false",
                        "X-RETARUS-M4A-REFERENCE: order-4711",
                        "X-RETARUS-M4A-CAMPAIGN-ID: spring",
                        "X-RETARUS-M4A-COST-CENTER: cc-1",
                        "X-RETARUS-M4A-NOTIFICATION-URL: https://hooks.example.com/signet",
                        "X-RETARUS-M4A-NOTIFICATION-HEADER: X-Tenant: 7",
                        "X-RETARUS-M4A-NOTIFICATION-AUTH-METHOD: BASIC",
                        "X-RETARUS-M4A-NOTIFICATION-AUTH-USER: hook",
                        "X-RETARUS-M4A-NOTIFICATION-AUTH-PASSWORD: s3cret",
                        "",
                        "body");

        assertThat(job.signingFlag()).isFalse();
        assertThat(job.settings().referenceJob()).isEqualTo("order-4711");
        assertThat(job.settings().campaignId()).isEqualTo("spring");
        assertThat(job.settings().costCenter()).isEqualTo("cc-1");
        var endPoint = job.notification().endPoint();
        assertThat(endPoint.url()).isEqualTo("https://hooks.example.com/signet");
        assertThat(endPoint.headers()).isEqualTo(Map.of("X-Tenant", "7"));
        assertThat(endPoint.authentication().user()).isEqualTo("hook");
        assertThat(job.notificationPassword()).isEqualTo("s3cret");
        assertThat(job.asStoredRequest().notification().endPoint().authentication().password())
                .isNull();
        assertThat(job.email()).isEqualTo("alice@example.com");
        assertThat(job.mimeFrom()).isEqualTo("Shop <shop@example.com>");
        assertThat(new String(job.message(), StandardCharsets.US_ASCII))
                .isEqualTo(
                        "From: Shop <shop@example.com>\r\n"
                                + "To: Alice <Alice@Example.com>, bob@example.org\r\n\r\nbody\r\n");
    }

    @Test
    void messageWithoutControlHeadersSaysNothingAboutSigning() {
        var job = read("Subject: plain", "", "body");

        assertThat(job.signingFlag()).isNull();
        assertThat(job.notification()).isNull();
        assertThat(job.email()).isEqualTo("rcpt@example.com");
    }

    @Test
    void invalidValuesAreRefusedNamingTheirHeader() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "X-RETARUS-M4A-NOTIFICATION-URL: ftp://hooks.example.com",
                                        "",
                                        "body"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage(
                        "X-RETARUS-M4A-NOTIFICATION-URL must be an absolute http or https URL.");
        assertThatThrownBy(
                        () ->
                                read(
                                        "X-RETARUS-M4A-NOTIFICATION-URL: https://h.example.com",
                                        "X-RETARUS-M4A-NOTIFICATION-AUTH-METHOD: DIGEST",
                                        "",
                                        "body"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("X-RETARUS-M4A-NOTIFICATION-AUTH-METHOD must be BASIC")
                .hasMessageContaining("X-RETARUS-M4A-NOTIFICATION-AUTH-USER must not be null");
        assertThatThrownBy(() -> read("X-RETARUS-M4A-NOTIFICATION-AUTH-USER: hook", "", "body"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("Notification headers need X-RETARUS-M4A-NOTIFICATION-URL.");
        assertThatThrownBy(() -> read("X-RETARUS-M4A-REFERENCE: " + "r".repeat(256), "", "body"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("X-RETARUS-M4A-REFERENCE size must be between 0 and 255");
    }

    @Test
    void senderThatIsNoAddressIsTheClientsToFix() {
        var content = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(
                        () ->
                                SmtpMessageReader.read(
                                        "not-an-address",
                                        List.of("rcpt@example.com"),
                                        content,
                                        validation.getValidator()))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("MAIL FROM <not-an-address> is not an address Signet can send from.");
    }

    @Test
    void messageIdAndDateAreAddedOnlyWhereTheClientGaveNone() {
        var bare = read("Subject: bare", "", "body");
        var complete =
                read(
                        "Message-ID: <own@example.com>",
                        "Date: Fri, 04 Dec 2026 10:00:00 +0100",
                        "",
                        "body");

        var added =
                new String(
                        bare.completedMessage("<given@example.com>", Instant.EPOCH),
                        StandardCharsets.US_ASCII);
        assertThat(added)
                .startsWith(
                        "Message-ID: <given@example.com>\r\nDate: Thu, 1 Jan 1970 00:00:00 +0000")
                .endsWith("Subject: bare\r\n\r\nbody\r\n");
        assertThat(complete.messageId()).isEqualTo("<own@example.com>");
        assertThat(complete.completedMessage("<given@example.com>", Instant.EPOCH))
                .isEqualTo(complete.message());
    }

    private static ClientMessage read(String... lines) {
        var content = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return SmtpMessageReader.read(
                "sender@example.com",
                List.of("rcpt@example.com"),
                content,
                validation.getValidator());
    }
}
