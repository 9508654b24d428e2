package org.signet.tracking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One tracking point of one mail. Job, customer and sender are copied in for fast searches. */
@Entity
@Table(name = "tracking_event")
@NamedQuery(
        name = TrackingEvent.OF_MAILS,
        query =
                "SELECT e FROM TrackingEvent e WHERE e.mailId IN :mailIds ORDER BY e.occurredAt,"
                        + " e.id")
@NamedQuery(
        name = TrackingEvent.COUNT_OF_KIND,
        query =
                "SELECT COUNT(e) FROM TrackingEvent e WHERE e.mailId = :mailId"
                        + " AND e.type = :type AND e.subType = :subType")
@NamedQuery(
        name = TrackingEvent.COUNT_FINAL,
        query =
                "SELECT COUNT(e) FROM TrackingEvent e WHERE e.mailId = :mailId"
                        + " AND e.state = 'FINISHED'")
public class TrackingEvent {

    static final String OF_MAILS = "TrackingEvent.ofMails";
    static final String COUNT_FINAL = "TrackingEvent.countFinal";
    static final String COUNT_OF_KIND = "TrackingEvent.countOfKind";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracking_event_seq")
    @SequenceGenerator(
            name = "tracking_event_seq",
            sequenceName = "tracking_event_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "mail_id", nullable = false, length = 36)
    private String mailId;

    @Column(name = "job_id", nullable = false, length = 36)
    private String jobId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    /** The mail's envelope sender in lower case, for the console's indexed search by sender. */
    @Column(name = "search_sender", nullable = false, length = 320)
    private String searchSender;

    @Column(nullable = false, length = 16)
    private String phase;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(nullable = false, length = 32)
    private String type;

    @Column(name = "sub_type", nullable = false, length = 32)
    private String subType;

    @Column(length = 1000)
    private String description;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected TrackingEvent() {}

    TrackingEvent(
            String mailId,
            String jobId,
            Long customerId,
            String searchSender,
            EventKind kind,
            String description,
            Instant occurredAt) {
        this.mailId = mailId;
        this.jobId = jobId;
        this.customerId = customerId;
        this.searchSender = searchSender;
        this.phase = kind.phase();
        this.state = kind.state();
        this.type = kind.type();
        this.subType = kind.subType();
        this.description = description;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public String getJobId() {
        return jobId;
    }

    public String getMailId() {
        return mailId;
    }

    public String getPhase() {
        return phase;
    }

    public String getState() {
        return state;
    }

    public String getType() {
        return type;
    }

    public String getSubType() {
        return subType;
    }

    public String getDescription() {
        return description;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
