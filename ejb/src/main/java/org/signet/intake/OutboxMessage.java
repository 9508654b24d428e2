package org.signet.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message that intake owes the broker, written in the same transaction as the job. It is sent
 * right after commit; the sweep re-sends rows that a crash or a broker outage left unsent.
 */
@Entity
@Table(name = "outbox_message")
@NamedQuery(
        name = OutboxMessage.OVERDUE,
        query =
                "SELECT o.id FROM OutboxMessage o WHERE o.sentAt IS NULL AND o.createdAt < :before"
                        + " ORDER BY o.createdAt")
@NamedQuery(
        name = OutboxMessage.UNSENT,
        query = "SELECT o FROM OutboxMessage o WHERE o.id IN :ids AND o.sentAt IS NULL")
@NamedQuery(
        name = OutboxMessage.SETTLE,
        query = "DELETE FROM OutboxMessage o WHERE o.mailId = :mailId")
@NamedQuery(
        name = OutboxMessage.STALLED,
        query =
                "SELECT o FROM OutboxMessage o WHERE o.sentAt IS NOT NULL AND o.sentAt < :before"
                        + " ORDER BY o.sentAt")
@NamedQuery(
        name = OutboxMessage.REMOVE_UNSENT,
        query = "DELETE FROM OutboxMessage o WHERE o.id IN :ids AND o.sentAt IS NULL")
@NamedQuery(
        name = OutboxMessage.MARK_SENT,
        query =
                "UPDATE OutboxMessage o SET o.sentAt = :now, o.attempts = o.attempts + 1"
                        + " WHERE o.id IN :ids AND o.sentAt IS NULL")
@NamedQuery(
        name = OutboxMessage.MARK_RESENT,
        query =
                "UPDATE OutboxMessage o SET o.sentAt = :now, o.attempts = o.attempts + 1"
                        + " WHERE o.id IN :ids")
public class OutboxMessage {

    static final String OVERDUE = "OutboxMessage.overdue";
    static final String UNSENT = "OutboxMessage.unsent";
    static final String MARK_SENT = "OutboxMessage.markSent";
    static final String REMOVE_UNSENT = "OutboxMessage.removeUnsent";
    static final String SETTLE = "OutboxMessage.settle";
    static final String MARK_RESENT = "OutboxMessage.markResent";
    static final String STALLED = "OutboxMessage.stalled";

    /** The queue a row is meant for. */
    public enum Destination {
        JOBS
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "mail_id", nullable = false, length = 36)
    private String mailId;

    @Column(nullable = false, length = 100)
    private String destination;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(nullable = false)
    private int attempts;

    protected OutboxMessage() {}

    OutboxMessage(String id, String mailId, Destination destination, Instant createdAt) {
        this.id = id;
        this.mailId = mailId;
        this.destination = destination.name();
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getMailId() {
        return mailId;
    }

    public Destination getDestination() {
        return Destination.valueOf(destination);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
