package org.signet.pki;

/** Why a certificate file was not imported; each reason maps to one sentence for the customer. */
public enum ImportRefusal {
    /** The password does not open the file or its private key. */
    WRONG_PASSWORD,
    /** The file holds certificates but no private key. */
    NO_PRIVATE_KEY,
    /** None of the certificates in the file belongs to its private key. */
    KEY_DOES_NOT_MATCH_CERTIFICATE,
    /** Neither an rfc822Name subject alternative name nor an emailAddress in the subject. */
    NO_EMAIL_ADDRESS,
    /** A keyUsage extension is present but does not allow digitalSignature. */
    NO_DIGITAL_SIGNATURE_KEY_USAGE,
    /** An extendedKeyUsage extension allows neither emailProtection nor any usage. */
    NO_EMAIL_PROTECTION_EXTENDED_KEY_USAGE,
    /** The certificate's notAfter lies in the past. */
    EXPIRED,
    /** The certificate's notBefore lies in the future. */
    NOT_YET_VALID,
    /** RSA below 2048 bits, DSA, or an elliptic curve other than P-256, P-384 and P-521. */
    UNSUPPORTED_KEY,
    /** Neither PKCS#12 nor PEM, or a corrupt file. */
    UNREADABLE
}
