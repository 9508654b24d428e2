package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenderCertificateChooserTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void senderMatchesCaseInsensitively() {
        var alice = candidate(1L, "alice@example.com", -10, 100);

        var chosen = SenderCertificateChooser.choose(List.of(alice), " Alice@EXAMPLE.com ", NOW);

        assertThat(chosen).contains(alice);
    }

    @Test
    void amongValidCertificatesTheOneThatExpiresLastWins() {
        var older = candidate(1L, "alice@example.com", -300, 60);
        var newer = candidate(2L, "alice@example.com", -10, 700);
        var middle = candidate(3L, "alice@example.com", -100, 300);

        var chosen =
                SenderCertificateChooser.choose(
                        List.of(older, newer, middle), "alice@example.com", NOW);

        assertThat(chosen).contains(newer);
    }

    @Test
    void expiringCertificateStillSignsWhenNothingElseIs() {
        var expiring = candidate(1L, "alice@example.com", -300, 5);

        assertThat(SenderCertificateChooser.choose(List.of(expiring), "alice@example.com", NOW))
                .contains(expiring);
    }

    @Test
    void expiredCertificateNeverWins() {
        var expired = candidate(1L, "alice@example.com", -400, -1);

        assertThat(SenderCertificateChooser.choose(List.of(expired), "alice@example.com", NOW))
                .isEmpty();
    }

    @Test
    void notYetValidCertificateNeverWinsEvenWithTheLatestExpiry() {
        var current = candidate(1L, "alice@example.com", -10, 100);
        var future = candidate(2L, "alice@example.com", 1, 900);

        var chosen =
                SenderCertificateChooser.choose(List.of(future, current), "alice@example.com", NOW);

        assertThat(chosen).contains(current);
    }

    @Test
    void certificateForAnotherAddressIsNeverChosen() {
        var bob = candidate(1L, "bob@example.com", -10, 100);

        assertThat(SenderCertificateChooser.choose(List.of(bob), "alice@example.com", NOW))
                .isEmpty();
        assertThat(SenderCertificateChooser.choose(List.of(bob), "", NOW)).isEmpty();
        assertThat(SenderCertificateChooser.choose(List.of(bob), null, NOW)).isEmpty();
        assertThat(SenderCertificateChooser.choose(List.of(), "bob@example.com", NOW)).isEmpty();
    }

    private static CertificateSummary candidate(
            Long id, String address, int notBeforeDays, int notAfterDays) {
        var notBefore = NOW.plus(Duration.ofDays(notBeforeDays));
        var notAfter = NOW.plus(Duration.ofDays(notAfterDays));
        return new CertificateSummary(
                id,
                List.of(address),
                "CN=" + address,
                "CN=Test CA",
                Long.toHexString(id),
                notBefore,
                notAfter,
                "%064x".formatted(id),
                "RSA 2048",
                CertificateStatus.at(NOW, notBefore, notAfter));
    }
}
