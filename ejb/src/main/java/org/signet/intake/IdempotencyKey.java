package org.signet.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * An {@code Idempotency-Key} a technical account sent with a job: within {@link #WINDOW} the same
 * key with the same body answers the first job, the same key with another body is a conflict.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
@NamedQuery(
        name = IdempotencyKey.EXPIRED,
        query = "DELETE FROM IdempotencyKey k WHERE k.createdAt < :before")
public class IdempotencyKey {

    public static final String EXPIRED = "IdempotencyKey.expired";

    public static final Duration WINDOW = Duration.ofHours(24);

    /** The primary key: one key per account. */
    public record Key(String accountId, String key) implements Serializable {}

    @Id
    @Column(name = "account_id", length = 64)
    private String accountId;

    @Id
    @Column(name = "idem_key", length = 255)
    private String key;

    /** SHA-256 of the request body, hex. */
    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "job_id", nullable = false, length = 36)
    private String jobId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {}

    IdempotencyKey(String accountId, String key, String requestHash, String jobId, Instant now) {
        this.accountId = accountId;
        this.key = key;
        this.requestHash = requestHash;
        this.jobId = jobId;
        this.createdAt = now;
    }

    boolean isFresh(Instant now) {
        return createdAt.plus(WINDOW).isAfter(now);
    }

    boolean isFor(String hash) {
        return requestHash.equals(hash);
    }

    String getJobId() {
        return jobId;
    }
}
