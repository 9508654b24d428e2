package org.signet.job;

import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.signet.account.Customer;
import org.signet.policy.SigningDecision;

/** One accepted JobRequest: who sent it, when, the signing decision and its mails. */
@Entity
@Table(name = "job")
public class Job {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(name = "account_id", nullable = false, length = 64)
    private String accountId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "reference_job")
    private String referenceJob;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private SigningDecision signing;

    /** The request as the client sent it: the pipeline builds each mail from it. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "request_json", nullable = false)
    private String requestJson;

    /** The notification endpoint's password, sealed under the master key; never in the JSON. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "notification_secret")
    private String notificationSecret;

    @Column(name = "notification_key_id", length = 64)
    private String notificationKeyId;

    /** The job's own notification endpoint, or null for the account's default. */
    @Column(name = "notification_url", length = 2000)
    private String notificationUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    private Channel channel = Channel.REST;

    @OneToMany(mappedBy = "job", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<Mail> mails = new ArrayList<>();

    protected Job() {}

    public Job(
            String id,
            Customer customer,
            String accountId,
            Instant receivedAt,
            String referenceJob,
            SigningDecision signing,
            String requestJson) {
        this.id = id;
        this.customer = customer;
        this.accountId = accountId;
        this.receivedAt = receivedAt;
        this.referenceJob = referenceJob;
        this.signing = signing;
        this.requestJson = requestJson;
    }

    public Mail addMail(
            String mailId, String email, String envelopeFrom, String mimeFrom, String reference) {
        var mail =
                new Mail(
                        mailId,
                        this,
                        mails.size(),
                        email,
                        envelopeFrom,
                        mimeFrom,
                        reference,
                        signing);
        mails.add(mail);
        return mail;
    }

    /** Marks a job that came over the SMTP adapter; its mails carry the client's message. */
    public void receivedOverSmtp() {
        this.channel = Channel.SMTP;
    }

    public Channel getChannel() {
        return channel;
    }

    /** Keeps the notification endpoint's password, sealed by the caller. */
    public void setNotificationSecret(String masterKeyId, String sealed) {
        this.notificationKeyId = masterKeyId;
        this.notificationSecret = sealed;
    }

    public void setNotificationUrl(String notificationUrl) {
        this.notificationUrl = notificationUrl;
    }

    public String getNotificationUrl() {
        return notificationUrl;
    }

    public String getNotificationSecret() {
        return notificationSecret;
    }

    public String getNotificationKeyId() {
        return notificationKeyId;
    }

    public String getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getAccountId() {
        return accountId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getReferenceJob() {
        return referenceJob;
    }

    public SigningDecision getSigning() {
        return signing;
    }

    public String getRequestJson() {
        return requestJson;
    }

    public List<Mail> getMails() {
        return mails;
    }
}
