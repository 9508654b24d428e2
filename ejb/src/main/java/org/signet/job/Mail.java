package org.signet.job;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.signet.policy.SigningDecision;

/**
 * One message that leaves Signet: one REST recipient entry or one SMTP message. Events, status and
 * notifications are per mail. {@code email} is its first To address.
 */
@Entity
@Table(name = "mail")
@NamedQuery(
        name = Mail.DELIVERY_OVERDUE,
        query =
                "SELECT m.id FROM Mail m WHERE m.deliveryDueAt < :before AND NOT EXISTS"
                        + " (SELECT e.id FROM TrackingEvent e WHERE e.mailId = m.id"
                        + " AND e.state = 'FINISHED') ORDER BY m.deliveryDueAt")
public class Mail {

    public static final String DELIVERY_OVERDUE = "Mail.deliveryOverdue";

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "job_id", nullable = false)
    private Job job;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(name = "envelope_from", nullable = false, length = 320)
    private String envelopeFrom;

    @Column(name = "mime_from", length = 998)
    private String mimeFrom;

    @Column(name = "message_id", length = 998)
    private String messageId;

    /** The recipient entry's own reference (REST {@code recipients[].reference}), if any. */
    @Column(length = 255)
    private String reference;

    /** A lower-case copy of the first To address for the console's indexed search. */
    @Column(name = "search_recipient", nullable = false, length = 320)
    private String searchRecipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private SigningDecision signing;

    /** The message as it leaves Signet (signed or not), fixed before the first delivery. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "mime")
    private String mime;

    /**
     * The client's message for a mail that came over SMTP: as sent, without control headers, with
     * Message-ID and Date added where the client gave none. Characters stand for bytes
     * (ISO-8859-1).
     */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "source_mime")
    private String sourceMime;

    /** Where the relay must deliver the message: To, Cc and Bcc, one address per line. */
    @Lob
    @Column(name = "envelope_to")
    private String envelopeTo;

    /** The attempt that the next delivery message carries; older messages are stale. */
    @Column(name = "delivery_attempt", nullable = false)
    private int deliveryAttempt;

    /** When the next delivery attempt is due; null before composition and once the mail ended. */
    @Column(name = "delivery_due_at")
    private Instant deliveryDueAt;

    protected Mail() {}

    Mail(
            String id,
            Job job,
            int position,
            String email,
            String envelopeFrom,
            String mimeFrom,
            String reference,
            SigningDecision signing) {
        this.id = id;
        this.job = job;
        this.position = position;
        this.email = email;
        this.envelopeFrom = envelopeFrom;
        this.mimeFrom = mimeFrom;
        this.reference = reference;
        this.signing = signing;
        this.searchRecipient = searchKey(email);
        this.messageId = MessageIds.forMail(id, envelopeFrom);
    }

    public String getId() {
        return id;
    }

    public Job getJob() {
        return job;
    }

    public int getPosition() {
        return position;
    }

    public String getEmail() {
        return email;
    }

    /** The form in which addresses are stored for search and must be asked for. */
    public static String searchKey(String address) {
        return address.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public String getReference() {
        return reference;
    }

    public String getEnvelopeFrom() {
        return envelopeFrom;
    }

    public String getMimeFrom() {
        return mimeFrom;
    }

    public String getMessageId() {
        return messageId;
    }

    public SigningDecision getSigning() {
        return signing;
    }

    public String getMime() {
        return mime;
    }

    public boolean isComposed() {
        return mime != null;
    }

    public List<String> getEnvelopeTo() {
        return envelopeTo == null ? List.of() : List.of(envelopeTo.split("\n"));
    }

    public int getDeliveryAttempt() {
        return deliveryAttempt;
    }

    public Instant getDeliveryDueAt() {
        return deliveryDueAt;
    }

    /** Records that delivery attempt {@code attempt} is due at {@code dueAt}. */
    public void deliveryDue(int attempt, Instant dueAt) {
        this.deliveryAttempt = attempt;
        this.deliveryDueAt = dueAt;
    }

    /**
     * Records that no further delivery attempt is due: the mail was delivered, bounced or dropped.
     */
    public void deliveryEnded() {
        this.deliveryDueAt = null;
    }

    /** Whether a delivery message for {@code attempt} is the one this mail waits for. */
    public boolean awaitsDeliveryAttempt(int attempt) {
        return deliveryDueAt != null && deliveryAttempt == attempt;
    }

    public String getSourceMime() {
        return sourceMime;
    }

    public boolean hasClientMessage() {
        return sourceMime != null;
    }

    /**
     * Keeps the message a client sent over SMTP, with its own Message-ID (or the one Signet gave
     * the mail) and its envelope recipients from RCPT TO.
     */
    public void keepClientMessage(String message, String messageId, List<String> recipients) {
        this.sourceMime = message;
        this.messageId = messageId;
        this.envelopeTo = String.join("\n", recipients);
    }

    /**
     * Fixes the outgoing message and its envelope recipients; once fixed they never change, so no
     * mail is signed twice and every delivery attempt sends the same bytes.
     */
    public void compose(String outgoingMime, List<String> recipients) {
        if (mime != null) {
            throw new IllegalStateException("mail " + id + " is already composed");
        }
        mime = outgoingMime;
        envelopeTo = String.join("\n", recipients);
    }
}
