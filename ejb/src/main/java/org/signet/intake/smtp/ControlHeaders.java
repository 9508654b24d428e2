package org.signet.intake.smtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code X-RETARUS-M4A-*} control headers of a message that arrived over SMTP, read
 * case-insensitively and cut out of the header section. Everything else stays byte for byte as the
 * client sent it, so that what Signet signs and delivers is the client's message.
 */
public final class ControlHeaders {

    static final String PREFIX = "X-RETARUS-M4A-";

    public static final String MESSAGE_SIGNING_ACTIVE = "MESSAGE-SIGNING-ACTIVE";
    public static final String REFERENCE = "REFERENCE";
    public static final String CAMPAIGN_ID = "CAMPAIGN-ID";
    public static final String COST_CENTER = "COST-CENTER";
    public static final String NOTIFICATION_URL = "NOTIFICATION-URL";
    public static final String NOTIFICATION_HEADER = "NOTIFICATION-HEADER";
    public static final String NOTIFICATION_AUTH_METHOD = "NOTIFICATION-AUTH-METHOD";
    public static final String NOTIFICATION_AUTH_USER = "NOTIFICATION-AUTH-USER";
    public static final String NOTIFICATION_AUTH_PASSWORD = "NOTIFICATION-AUTH-PASSWORD";

    private static final List<String> KNOWN =
            List.of(
                    MESSAGE_SIGNING_ACTIVE,
                    REFERENCE,
                    CAMPAIGN_ID,
                    COST_CENTER,
                    NOTIFICATION_URL,
                    NOTIFICATION_HEADER,
                    NOTIFICATION_AUTH_METHOD,
                    NOTIFICATION_AUTH_USER,
                    NOTIFICATION_AUTH_PASSWORD);

    /** The one control header that may appear more than once. */
    private static final String REPEATABLE = NOTIFICATION_HEADER;

    private final Map<String, String> single;
    private final List<String> notificationHeaders;
    private final byte[] message;

    private ControlHeaders(
            Map<String, String> single, List<String> notificationHeaders, byte[] message) {
        this.single = single;
        this.notificationHeaders = notificationHeaders;
        this.message = message;
    }

    /**
     * Splits the control headers off a message.
     *
     * @throws MalformedMessageException when the header section cannot be read, a control header is
     *     unknown or one that may appear once appears twice
     */
    public static ControlHeaders strip(byte[] message) {
        var kept = new ByteArrayOutputStream(message.length);
        var single = new LinkedHashMap<String, String>();
        var notificationHeaders = new ArrayList<String>();

        int position = 0;
        String field = null;
        var value = new StringBuilder();
        while (position < message.length) {
            int end = lineEnd(message, position);
            int contentEnd = contentEnd(message, position, end);
            if (contentEnd == position) {
                // the empty line: the body follows unchanged
                control(field, value, single, notificationHeaders);
                kept.write(message, position, message.length - position);
                return new ControlHeaders(single, notificationHeaders, kept.toByteArray());
            }

            var line =
                    new String(
                            message, position, contentEnd - position, StandardCharsets.ISO_8859_1);
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation) {
                if (position == 0) {
                    throw new MalformedMessageException(
                            "The message starts with a folded line instead of a header field.");
                }
                if (field != null) {
                    value.append(line);
                } else {
                    kept.write(message, position, end - position);
                }
            } else {
                control(field, value, single, notificationHeaders);
                field = null;
                value.setLength(0);
                int colon = line.indexOf(':');
                if (colon < 1) {
                    throw new MalformedMessageException(
                            "Header line "
                                    + abbreviated(line)
                                    + " is not a header field (name: value).");
                }
                var name = line.substring(0, colon).trim();
                if (name.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
                    field = name.substring(PREFIX.length()).toUpperCase(Locale.ROOT);
                    value.append(line.substring(colon + 1));
                } else {
                    kept.write(message, position, end - position);
                }
            }
            position = end;
        }
        // a message of header fields only
        control(field, value, single, notificationHeaders);
        return new ControlHeaders(single, notificationHeaders, kept.toByteArray());
    }

    /** The message without its control headers. */
    public byte[] message() {
        return message.clone();
    }

    /** The unfolded, trimmed value of a control header that appears once, or null. */
    public String value(String name) {
        return single.get(name);
    }

    /** Every {@code NOTIFICATION-HEADER}, each {@code Name: value}, in order. */
    public List<String> notificationHeaders() {
        return List.copyOf(notificationHeaders);
    }

    public boolean isEmpty() {
        return single.isEmpty() && notificationHeaders.isEmpty();
    }

    private static void control(
            String field,
            StringBuilder value,
            Map<String, String> single,
            List<String> notificationHeaders) {
        if (field == null) {
            return;
        }
        if (!KNOWN.contains(field)) {
            throw new MalformedMessageException(
                    "Unknown control header "
                            + PREFIX
                            + field
                            + "; known are "
                            + String.join(", ", KNOWN.stream().map(k -> PREFIX + k).toList())
                            + ".");
        }
        var unfolded = value.toString().trim();
        if (field.equals(REPEATABLE)) {
            notificationHeaders.add(unfolded);
            return;
        }
        if (single.putIfAbsent(field, unfolded) != null) {
            throw new MalformedMessageException(
                    "The control header " + PREFIX + field + " appears more than once.");
        }
    }

    /** The index after the line's LF (or the end of the message). */
    private static int lineEnd(byte[] message, int from) {
        for (int i = from; i < message.length; i++) {
            if (message[i] == '\n') {
                return i + 1;
            }
        }
        return message.length;
    }

    /** The index of the line's CRLF or LF. */
    private static int contentEnd(byte[] message, int from, int end) {
        int contentEnd = end;
        if (contentEnd > from && message[contentEnd - 1] == '\n') {
            contentEnd--;
        }
        if (contentEnd > from && message[contentEnd - 1] == '\r') {
            contentEnd--;
        }
        return contentEnd;
    }

    private static String abbreviated(String line) {
        return "\"" + (line.length() > 40 ? line.substring(0, 40) + "..." : line) + "\"";
    }
}
