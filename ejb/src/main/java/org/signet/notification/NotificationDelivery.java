package org.signet.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The push of one tracking event to its customer's endpoint: attempts so far and how it ended. */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery {

    public enum Status {
        PENDING,
        DELIVERED,
        GIVEN_UP
    }

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "job_id", nullable = false, length = 36)
    private String jobId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_result", length = 1000)
    private String lastResult;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotificationDelivery() {}

    NotificationDelivery(Long eventId, String jobId, String url, Instant now) {
        this.eventId = eventId;
        this.jobId = jobId;
        this.url = url;
        this.status = Status.PENDING;
        this.updatedAt = now;
    }

    /** Whether a message for attempt {@code attempt} is the one this push waits for. */
    boolean awaits(int attempt) {
        return status == Status.PENDING && attempts + 1 == attempt;
    }

    void attempted(Status outcome, String result, Instant now) {
        attempts++;
        status = outcome;
        lastResult = result.length() > 1000 ? result.substring(0, 1000) : result;
        updatedAt = now;
    }

    public Long getEventId() {
        return eventId;
    }

    public String getUrl() {
        return url;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }
}
