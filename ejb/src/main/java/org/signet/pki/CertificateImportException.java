package org.signet.pki;

import jakarta.ejb.ApplicationException;

/**
 * A certificate file was refused. The message is a sentence fit for an API answer: it never holds
 * key material or the password. An answer to the caller, not a failure of Signet: the container
 * passes it on as it is and rolls back.
 */
@ApplicationException(rollback = true)
public class CertificateImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ImportRefusal reason;

    public CertificateImportException(ImportRefusal reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public ImportRefusal reason() {
        return reason;
    }

    /** The human sentence that explains the refusal. */
    public String detail() {
        return getMessage();
    }
}
