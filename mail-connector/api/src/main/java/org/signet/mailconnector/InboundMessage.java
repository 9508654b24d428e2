package org.signet.mailconnector;

import java.util.List;

/**
 * One message as the client sent it: the session's identity from AUTH, the envelope from MAIL FROM
 * and RCPT TO, and the content of DATA byte for byte (dot-unstuffed, without the final dot line).
 */
public record InboundMessage(
        String identity,
        String mailFrom,
        List<String> recipients,
        byte[] content,
        String sessionId,
        String client) {

    public InboundMessage {
        recipients = List.copyOf(recipients);
    }
}
