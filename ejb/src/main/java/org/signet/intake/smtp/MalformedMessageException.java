package org.signet.intake.smtp;

/** A message over SMTP that cannot be taken in as it is: the client gets a 5xx with the reason. */
public class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String reason) {
        super(reason);
    }
}
