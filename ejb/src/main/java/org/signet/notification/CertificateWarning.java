package org.signet.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** That a certificate was found to expire within one of the warning thresholds, and when. */
@Entity
@Table(name = "certificate_warning")
@IdClass(CertificateWarning.Key.class)
public class CertificateWarning {

    /** The key: one warning per certificate and threshold. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long certificateId;
        private Integer thresholdDays;

        public Key() {}

        public Key(Long certificateId, Integer thresholdDays) {
            this.certificateId = certificateId;
            this.thresholdDays = thresholdDays;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && java.util.Objects.equals(certificateId, key.certificateId)
                    && java.util.Objects.equals(thresholdDays, key.thresholdDays);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(certificateId, thresholdDays);
        }
    }

    @Id
    @Column(name = "certificate_id")
    private Long certificateId;

    @Id
    @Column(name = "threshold_days")
    private Integer thresholdDays;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "days_left", nullable = false)
    private int daysLeft;

    @Column(name = "warned_at", nullable = false)
    private Instant warnedAt;

    @Column(name = "pushed_at")
    private Instant pushedAt;

    protected CertificateWarning() {}

    CertificateWarning(
            Long certificateId, int thresholdDays, Long customerId, int daysLeft, Instant at) {
        this.certificateId = certificateId;
        this.thresholdDays = thresholdDays;
        this.customerId = customerId;
        this.daysLeft = daysLeft;
        this.warnedAt = at;
    }

    void pushed(Instant at) {
        pushedAt = at;
    }

    public Long getCertificateId() {
        return certificateId;
    }

    public int getThresholdDays() {
        return thresholdDays;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public int getDaysLeft() {
        return daysLeft;
    }

    public Instant getWarnedAt() {
        return warnedAt;
    }

    public Instant getPushedAt() {
        return pushedAt;
    }
}
