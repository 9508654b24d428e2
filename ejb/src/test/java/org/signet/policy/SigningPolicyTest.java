package org.signet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigningPolicyTest {

    @ParameterizedTest(name = "flag={2}, active={0}, defaultActive={1} -> {3}")
    @CsvSource(
            nullValues = "absent",
            value = {
                "true,  true,  true,   SIGN",
                "true,  false, true,   SIGN",
                "true,  true,  false,  NO_SIGN",
                "false, true,  false,  NO_SIGN",
                "false, false, false,  NO_SIGN",
                "true,  true,  absent, SIGN",
                "true,  false, absent, NO_SIGN",
                "false, true,  absent, NO_SIGN",
                "false, false, absent, NO_SIGN"
            })
    void decisionFollowsTheTable(
            boolean active, boolean defaultActive, Boolean flag, SigningDecision expected) {
        assertThat(SigningPolicy.decide(active, defaultActive, flag)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "defaultActive={0}")
    @CsvSource({"true", "false"})
    void jobAskingForSigningOnAccountWithoutTheFeatureIsRejected(boolean defaultActive) {
        assertThatThrownBy(() -> SigningPolicy.decide(false, defaultActive, true))
                .isInstanceOf(SigningNotAllowedException.class)
                .hasMessageContaining("messageSigning");
    }
}
