/**
 * S/MIME signing of outgoing mail.
 *
 * <p>{@link org.signet.signing.SmimeSigner} turns a composed {@code MimeMessage} into an RFC 8551
 * {@code multipart/signed} message with a detached CMS signature and hands back the finished bytes
 * as a {@link org.signet.signing.SignedMessage}. Those bytes are what is delivered and what is
 * archived. The package depends on Jakarta Mail and Bouncy Castle only; choosing a certificate for
 * a sender is the business of the PKI feature, deciding whether to sign that of the policy.
 */
package org.signet.signing;
