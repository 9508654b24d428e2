package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the signing decision table through the deployed EAR: the account's {@code active}
 * and {@code defaultActive} against the job's flag (true, false or absent).
 */
class SigningDecisionIT {

    private final SignetClient signet = new SignetClient();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @ParameterizedTest(name = "active={0}, defaultActive={1}, flag={2} -> {3}")
    @CsvSource(
            nullValues = "absent",
            value = {
                "true,  true,  true,   SIGN",
                "true,  false, true,   SIGN",
                "false, true,  true,   REJECTED",
                "false, false, true,   REJECTED",
                "true,  true,  false,  NO_SIGN",
                "true,  false, false,  NO_SIGN",
                "false, true,  false,  NO_SIGN",
                "false, false, false,  NO_SIGN",
                "true,  true,  absent, SIGN",
                "true,  false, absent, NO_SIGN",
                "false, true,  absent, NO_SIGN",
                "false, false, absent, NO_SIGN"
            })
    void jobFollowsTheDecisionTable(
            boolean active, boolean defaultActive, Boolean flag, String expected) {
        var account = signet.newAccount(active, defaultActive);

        var response =
                signet.submitJob(account, jobRequest("a@example.com", flag, "b@example.com"));

        if (expected.equals("REJECTED")) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response).getString("detail")).contains("messageSigning");
            assertThat(Database.jobsOfAccount(account.id())).isZero();
        } else {
            assertThat(response.statusCode()).isEqualTo(202);
            var job = json(signet.job(account, json(response).getString("jobId")));
            assertThat(job.getString("signing")).isEqualTo(expected);
        }
    }
}
