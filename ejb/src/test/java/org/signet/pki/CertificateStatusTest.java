package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateStatusTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void statusFollowsTheValidityPeriod() {
        assertThat(at(-10, 31)).isEqualTo(CertificateStatus.VALID);
        assertThat(at(-10, 30)).isEqualTo(CertificateStatus.EXPIRING);
        assertThat(at(-10, 1)).isEqualTo(CertificateStatus.EXPIRING);
        assertThat(at(-10, -1)).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(at(1, 100)).isEqualTo(CertificateStatus.NOT_YET_VALID);
    }

    @Test
    void onlyValidAndExpiringCertificatesMaySign() {
        assertThat(CertificateStatus.VALID.maySign()).isTrue();
        assertThat(CertificateStatus.EXPIRING.maySign()).isTrue();
        assertThat(CertificateStatus.EXPIRED.maySign()).isFalse();
        assertThat(CertificateStatus.NOT_YET_VALID.maySign()).isFalse();
    }

    private static CertificateStatus at(int notBeforeDays, int notAfterDays) {
        return CertificateStatus.at(
                NOW,
                NOW.plus(Duration.ofDays(notBeforeDays)),
                NOW.plus(Duration.ofDays(notAfterDays)));
    }
}
