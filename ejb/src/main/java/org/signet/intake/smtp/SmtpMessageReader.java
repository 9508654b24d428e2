package org.signet.intake.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signet.intake.Addresses;
import org.signet.intake.ClientMessage;
import org.signet.intake.JobRequest.Authentication;
import org.signet.intake.JobRequest.EndPoint;
import org.signet.intake.JobRequest.Features;
import org.signet.intake.JobRequest.JobSettings;
import org.signet.intake.JobRequest.MessageSigning;
import org.signet.intake.JobRequest.Notification;

/**
 * Reads a message from the SMTP adapter as a job: the envelope, the control headers as the job's
 * settings, validated like a JobRequest's, and the client's message without them. Everything a
 * client must fix is a {@link MalformedMessageException} that names the header at fault.
 */
public final class SmtpMessageReader {

    private SmtpMessageReader() {}

    /** Reads a message the adapter accepted; {@code content} is DATA as the client sent it. */
    public static ClientMessage read(
            String mailFrom, List<String> recipients, byte[] content, Validator validator) {
        // the sender is a job's envelope sender and the key of its certificate: a bad one is the
        // client's to fix (5xx), not a failure of Signet's
        var sender =
                Addresses.parse(mailFrom)
                        .orElseThrow(
                                () ->
                                        new MalformedMessageException(
                                                "MAIL FROM <"
                                                        + mailFrom
                                                        + "> is not an address"
                                                        + " Signet can send from."));
        var controls = ControlHeaders.strip(content);
        var message = controls.message();
        var headers = headers(message);

        var flag = signingFlag(controls.value(ControlHeaders.MESSAGE_SIGNING_ACTIVE));
        var settings =
                new JobSettings(
                        controls.value(ControlHeaders.REFERENCE),
                        controls.value(ControlHeaders.COST_CENTER),
                        controls.value(ControlHeaders.CAMPAIGN_ID),
                        flag == null ? null : new Features(new MessageSigning(flag)),
                        null);
        var notification = notification(controls);
        check(validator.validate(settings));
        if (notification != null) {
            check(validator.validate(notification));
        }

        var from = headers.getHeader("From", ",");
        var to = headers.getHeader("To", ",");
        var messageId = headers.getHeader("Message-ID", null);
        return new ClientMessage(
                sender.getAddress(),
                recipients,
                message,
                firstAddress(to).orElse(recipients.get(0)),
                from == null ? null : from.trim(),
                messageId == null ? null : messageId.trim(),
                headers.getHeader("Date") != null,
                flag,
                settings,
                notification);
    }

    private static InternetHeaders headers(byte[] message) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(message));
        } catch (MessagingException e) {
            throw new MalformedMessageException(
                    "The header section cannot be read: " + e.getMessage());
        }
    }

    private static Boolean signingFlag(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default ->
                    throw new MalformedMessageException(
                            ControlHeaders.PREFIX
                                    + ControlHeaders.MESSAGE_SIGNING_ACTIVE
                                    + " must be true or false, not \""
                                    + value
                                    + "\".");
        };
    }

    private static Notification notification(ControlHeaders controls) {
        var url = controls.value(ControlHeaders.NOTIFICATION_URL);
        var method = controls.value(ControlHeaders.NOTIFICATION_AUTH_METHOD);
        var user = controls.value(ControlHeaders.NOTIFICATION_AUTH_USER);
        var password = controls.value(ControlHeaders.NOTIFICATION_AUTH_PASSWORD);
        var extraHeaders = controls.notificationHeaders();
        if (url == null) {
            if (method != null || user != null || password != null || !extraHeaders.isEmpty()) {
                throw new MalformedMessageException(
                        "Notification headers need "
                                + ControlHeaders.PREFIX
                                + ControlHeaders.NOTIFICATION_URL
                                + ".");
            }
            return null;
        }

        Map<String, String> headers = new LinkedHashMap<>();
        for (var header : extraHeaders) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new MalformedMessageException(
                        ControlHeaders.PREFIX
                                + ControlHeaders.NOTIFICATION_HEADER
                                + " must be \"Name: value\".");
            }
            headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        Authentication authentication = null;
        if (method != null || user != null || password != null) {
            authentication = new Authentication(method, user, password);
        }
        return new Notification(
                new EndPoint(url, headers.isEmpty() ? null : headers, authentication));
    }

    /** Bean Validation of the control headers' records, each refusal named by its header. */
    private static <T> void check(Set<ConstraintViolation<T>> violations) {
        if (violations.isEmpty()) {
            return;
        }
        var reasons = new ArrayList<String>();
        violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(
                        v ->
                                reasons.add(
                                        ControlHeaders.PREFIX
                                                + headerOf(v.getPropertyPath().toString())
                                                + " "
                                                + v.getMessage()));
        throw new MalformedMessageException(String.join("; ", reasons) + ".");
    }

    private static String headerOf(String path) {
        if (path.startsWith("endPoint.url")) {
            return ControlHeaders.NOTIFICATION_URL;
        }
        if (path.startsWith("endPoint.headers")) {
            return ControlHeaders.NOTIFICATION_HEADER;
        }
        if (path.startsWith("endPoint.authentication.method")) {
            return ControlHeaders.NOTIFICATION_AUTH_METHOD;
        }
        if (path.startsWith("endPoint.authentication.user")) {
            return ControlHeaders.NOTIFICATION_AUTH_USER;
        }
        if (path.startsWith("endPoint.authentication.password")) {
            return ControlHeaders.NOTIFICATION_AUTH_PASSWORD;
        }
        return switch (path) {
            case "referenceJob" -> ControlHeaders.REFERENCE;
            case "costCenter" -> ControlHeaders.COST_CENTER;
            case "campaignId" -> ControlHeaders.CAMPAIGN_ID;
            default -> path;
        };
    }

    private static java.util.Optional<String> firstAddress(String header) {
        if (header == null) {
            return java.util.Optional.empty();
        }
        try {
            var addresses = InternetAddress.parseHeader(header, false);
            return addresses.length == 0
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(addresses[0].getAddress().toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return java.util.Optional.empty();
        }
    }
}
