package org.signet.job;

import java.util.Locale;

/**
 * Message-IDs (RFC 5322 3.6.4) fixed at intake, so that every delivery attempt of a mail, even a
 * repeated one after a crash, carries the same id.
 */
final class MessageIds {

    private MessageIds() {}

    static String forMail(String mailId, String envelopeFrom) {
        var at = envelopeFrom.lastIndexOf('@');
        var domain =
                at < 0 || at == envelopeFrom.length() - 1
                        ? "signet.invalid"
                        : envelopeFrom.substring(at + 1).toLowerCase(Locale.ROOT);
        return "<" + mailId + "@" + domain + ">";
    }
}
