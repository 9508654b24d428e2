package org.signet.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SigningResultTest {

    @Test
    void signedMailsAreSignedWhateverFollowed() {
        assertThat(SigningResult.of(List.of("STARTED", "SMIME_SIGNING", "PROCESSED", "DELIVERED")))
                .isEqualTo(SigningResult.SIGNED);
        assertThat(SigningResult.of(List.of("STARTED", "SMIME_SIGNING", "DROPPED")))
                .as("a poison message after signing")
                .isEqualTo(SigningResult.SIGNED);
    }

    @Test
    void droppedBeforeSigningUnsignedAndPendingAreTold() {
        assertThat(SigningResult.of(List.of("STARTED", "DROPPED")))
                .isEqualTo(SigningResult.DROPPED);
        assertThat(SigningResult.of(List.of("STARTED", "PROCESSED", "DEFERRED")))
                .isEqualTo(SigningResult.UNSIGNED);
        assertThat(SigningResult.of(List.of("STARTED"))).isEqualTo(SigningResult.PENDING);
        assertThat(SigningResult.of(List.of())).isEqualTo(SigningResult.PENDING);
    }
}
