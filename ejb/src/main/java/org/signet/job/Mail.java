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
import jakarta.persistence.Table;
import org.signet.policy.SigningDecision;

/**
 * One message that leaves Signet: one REST recipient entry or one SMTP message. Events, status and
 * notifications are per mail. {@code email} is its first To address.
 */
@Entity
@Table(name = "mail")
public class Mail {

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private SigningDecision signing;

    /** The message as it leaves Signet (signed or not), fixed before the first delivery. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "mime")
    private String mime;

    protected Mail() {}

    Mail(
            String id,
            Job job,
            int position,
            String email,
            String envelopeFrom,
            String mimeFrom,
            SigningDecision signing) {
        this.id = id;
        this.job = job;
        this.position = position;
        this.email = email;
        this.envelopeFrom = envelopeFrom;
        this.mimeFrom = mimeFrom;
        this.signing = signing;
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

    /** Fixes the outgoing message; once fixed it never changes, so no mail is signed twice. */
    public void compose(String outgoingMime) {
        if (mime != null) {
            throw new IllegalStateException("mail " + id + " is already composed");
        }
        mime = outgoingMime;
    }
}
