package org.signet.intake.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ControlHeadersTest {

    @Test
    void controlHeadersAreReadCaseInsensitivelyAndCutOutLeavingEveryOtherByteAsSent() {
        var message =
                "From: Shop <shop@example.com>\r\n"
                        + "x-retarus-m4a-message-signing-active: TRUE\r\n"
                        + "Subject: Ihre Bestellung\r\n"
                        + "X-Retarus-M4A-Reference: order-4711\r\n"
                        + "X-Order: 4711\r\n"
                        + "\r\n"
                        + "X-RETARUS-M4A-COST-CENTER: not a header, body text\r\n";

        var headers = ControlHeaders.strip(bytes(message));

        assertThat(headers.value(ControlHeaders.MESSAGE_SIGNING_ACTIVE)).isEqualTo("TRUE");
        assertThat(headers.value(ControlHeaders.REFERENCE)).isEqualTo("order-4711");
        assertThat(headers.value(ControlHeaders.COST_CENTER)).isNull();
        assertThat(text(headers.message()))
                .isEqualTo(
                        "From: Shop <shop@example.com>\r\n"
                                + "Subject: Ihre Bestellung\r\n"
                                + "X-Order: 4711\r\n"
                                + "\r\n"
                                + "X-RETARUS-M4A-COST-CENTER: not a header, body text\r\n");
    }

    @Test
    void foldedControlHeaderIsUnfoldedAndRemovedWithItsContinuationLines() {
        var message =
                "Subject: a\r\n"
                        + "X-RETARUS-M4A-NOTIFICATION-URL:\r\n"
                        + "  https://hooks.example.com/signet\r\n"
                        + "Received: from a\r\n"
                        + "\tby b\r\n"
                        + "\r\n"
                        + "body";

        var headers = ControlHeaders.strip(bytes(message));

        assertThat(headers.value(ControlHeaders.NOTIFICATION_URL))
                .isEqualTo("https://hooks.example.com/signet");
        assertThat(text(headers.message()))
                .isEqualTo("Subject: a\r\nReceived: from a\r\n\tby b\r\n\r\nbody");
    }

    @Test
    void notificationHeaderMayRepeatOtherControlHeadersMayNot() {
        var repeated =
                "X-RETARUS-M4A-NOTIFICATION-HEADER: X-Tenant: 7\r\n"
                        + "X-RETARUS-M4A-NOTIFICATION-HEADER: X-Env: prod\r\n\r\n";
        assertThat(ControlHeaders.strip(bytes(repeated)).notificationHeaders())
                .containsExactly("X-Tenant: 7", "X-Env: prod");

        var twice = "X-RETARUS-M4A-REFERENCE: a\r\nX-RETARUS-M4A-REFERENCE: b\r\n\r\n";
        assertThatThrownBy(() -> ControlHeaders.strip(bytes(twice)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("X-RETARUS-M4A-REFERENCE appears more than once");
    }

    @Test
    void unknownControlHeaderIsRefusedByName() {
        var message = "X-RETARUS-M4A-MESSAGE-SIGNING: true\r\n\r\nbody";

        assertThatThrownBy(() -> ControlHeaders.strip(bytes(message)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("Unknown control header X-RETARUS-M4A-MESSAGE-SIGNING;");
    }

    @Test
    void headerLineWithoutColonIsMalformed() {
        assertThatThrownBy(() -> ControlHeaders.strip(bytes("Subject: a\r\nnonsense\r\n\r\n")))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("\"nonsense\" is not a header field");
    }

    @Test
    void messageWithoutControlHeadersIsUnchangedByteForByte() {
        var message = bytes("Subject: caf\u00e9\nX-A: 1\n\nbody with bare LF\n");

        var headers = ControlHeaders.strip(message);

        assertThat(headers.isEmpty()).isTrue();
        assertThat(headers.message()).isEqualTo(message);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
