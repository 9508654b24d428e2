package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the broker or the application server while jobs arrive, restarts it with the start command,
 * and checks that every accepted job is processed. Drives {@code ./signet start|stop} itself, in
 * its own phase after the ordinary suite.
 */
class RecoveryIT {

    private static final Path HOME = Path.of(System.getProperty("signet.home"));
    private static final String SCRIPT = System.getProperty("signet.script");
    private static final Path LOG = HOME.resolve("logs/recovery-commands.log");

    private final SignetClient signet = new SignetClient();

    @BeforeAll
    static void startSignet() {
        signetCommand("start");
    }

    @AfterAll
    static void stopSignet() {
        signetCommand("stop");
    }

    @Test
    void jobsAcceptedWhileTheBrokerIsDownAreProcessedOnceItIsBack() {
        var account = signet.newAccount(false, false);

        kill("broker");
        var jobIds = submitJobs(account, 3);
        signetCommand("start");

        awaitProcessingStarted(account, jobIds);
    }

    @Test
    void jobsAcceptedJustBeforePayaraIsKilledAreProcessedAfterRestart() {
        var account = signet.newAccount(false, false);

        var jobIds = submitJobs(account, 5);
        kill("payara");
        signetCommand("start");

        awaitProcessingStarted(account, jobIds);
    }

    private List<String> submitJobs(SignetClient.Account account, int count) {
        var jobIds = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var started = System.nanoTime();
            var response =
                    signet.submitJob(account, jobRequest("a@example.com", null, "b@example.com"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            jobIds.add(json(response).getString("jobId"));
            System.out.printf(
                    "RecoveryIT: job accepted in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
        }
        return jobIds;
    }

    private void awaitProcessingStarted(SignetClient.Account account, List<String> jobIds) {
        for (var jobId : jobIds) {
            Poll.until(
                    Duration.ofSeconds(90),
                    "job " + jobId + " to start processing",
                    () -> {
                        var response = signet.job(account, jobId);
                        return response.statusCode() == 200
                                && json(response)
                                        .getJsonArray("mails")
                                        .getValuesAs(JsonObject.class)
                                        .stream()
                                        .allMatch(mail -> !mail.getJsonArray("events").isEmpty());
                    });
        }
    }

    /** Ends a process of the runtime the hard way, as a crash or an OOM killer would. */
    private static void kill(String process) {
        try {
            var pid =
                    Long.parseLong(
                            Files.readString(HOME.resolve("run/" + process + ".pid")).trim());
            var handle =
                    ProcessHandle.of(pid)
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    process + " (pid " + pid + ") is not running"));
            handle.destroyForcibly();
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not kill " + process, e);
        }
    }

    private static void signetCommand(String command) {
        try {
            var process =
                    new ProcessBuilder("bash", SCRIPT, command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                            .start();
            if (!process.waitFor(8, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./signet " + command + " did not finish in 8 minutes");
            }
            assertThat(process.exitValue())
                    .as("exit code of ./signet %s (its output is in %s)", command, LOG)
                    .isZero();
        } catch (IOException e) {
            throw new AssertionError("cannot run ./signet " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
