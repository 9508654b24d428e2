package org.signet.mailconnector;

/**
 * An SMTP reply to the end of DATA (RFC 5321 4.2): the three-digit code and its text, which should
 * start with an enhanced status code (RFC 3463) such as {@code 2.0.0}.
 */
public record SmtpReply(int code, String text) {

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
        if (text == null || text.isBlank() || text.contains("\r") || text.contains("\n")) {
            throw new IllegalArgumentException("an SMTP reply needs one line of text");
        }
    }

    public static SmtpReply ok(String text) {
        return new SmtpReply(250, text);
    }

    /** 451: a temporary problem on Signet's side; the client keeps the message and retries. */
    public static SmtpReply tryAgainLater(String text) {
        return new SmtpReply(451, text);
    }

    /** 550 or another 5xx: refused for good; the client must not send it again unchanged. */
    public static SmtpReply refused(int code, String text) {
        if (code < 500) {
            throw new IllegalArgumentException("a refusal is a 5xx reply, not " + code);
        }
        return new SmtpReply(code, text);
    }

    public boolean isPositive() {
        return code < 300;
    }
}
