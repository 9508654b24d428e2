package org.signet.delivery;

import jakarta.mail.MessagingException;
import java.util.regex.Pattern;

/**
 * Reads the SMTP reply code out of a failed send: Jakarta Mail puts the relay's reply ({@code 550
 * 5.1.1 ...}) in the message of an exception somewhere in its chain of next exceptions and causes.
 */
final class SmtpReplies {

    private static final Pattern REPLY = Pattern.compile("^([2-5])\\d\\d[ -].*", Pattern.DOTALL);

    private SmtpReplies() {}

    /**
     * {@link RelayOutcome.Kind#PERMANENT_FAILURE} when the first reply found is 5xx, else a
     * temporary failure: 4xx, a connection refused or timed out, or no reply at all.
     */
    static RelayOutcome classify(Exception failure) {
        var reply = firstReply(failure);
        if (reply != null && reply.charAt(0) == '5') {
            return RelayOutcome.permanentFailure(reply);
        }
        return RelayOutcome.temporaryFailure(reply != null ? reply : describe(failure));
    }

    private static String firstReply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            var message = cause.getMessage();
            if (message != null && REPLY.matcher(message.strip()).matches()) {
                return firstLine(message.strip());
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        var deepest = failure;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            deepest = cause;
        }
        var message = deepest.getMessage();
        return deepest.getClass().getSimpleName()
                + (message == null ? "" : ": " + firstLine(message));
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException() == cause ? null : messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static String firstLine(String text) {
        var end = text.indexOf('\n');
        var line = (end < 0 ? text : text.substring(0, end)).strip();
        return line.length() > 500 ? line.substring(0, 500) : line;
    }
}
