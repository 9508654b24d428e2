package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the broker, the database or the application server while jobs arrive, restarts it with the
 * start command, and checks that every accepted job is processed and that refused jobs were told to
 * come back (503 with Retry-After). Drives {@code ./signet start|stop} itself, in its own phase
 * after the ordinary suite.
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
    void whileTheBrokerIsDownNewJobsGet503AndEveryAcceptedJobIsProcessedOnceItIsBack() {
        var account = signet.newAccount(false, false);
        var before = submitJobs(account, 2);

        kill("broker");
        // the job whose send fails first is stored and accepted (the outbox sends it later);
        // from then on intake refuses until the broker answers again
        var duringOutage = new ArrayList<String>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 5 && refused == null; i++) {
            var response = signet.submitJob(account, jobRequest("a@example.com", null, "b@x.org"));
            if (response.statusCode() == 202) {
                duringOutage.add(json(response).getString("jobId"));
            } else {
                refused = response;
            }
        }

        assertThat(refused).as("a job refused while the broker is down").isNotNull();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(refused).getString("type")).endsWith("/broker-unavailable");
        assertThat(Database.jobsOfAccount(account.id()))
                .isEqualTo(before.size() + duringOutage.size());

        signetCommand("start");

        awaitDelivered(account, before);
        awaitDelivered(account, duringOutage);
        Poll.until(
                Duration.ofSeconds(30),
                "intake to accept jobs again",
                () ->
                        signet.submitJob(account, jobRequest("a@example.com", null, "c@x.org"))
                                        .statusCode()
                                == 202);
    }

    @Test
    void whileTheDatabaseIsDownJobsGet503WithRetryAfterAndNothingIsLost() {
        var account = signet.newAccount(false, false);

        kill("h2");
        var refused = signet.submitJob(account, jobRequest("a@example.com", null, "b@x.org"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(json(refused).getString("type")).endsWith("/database-unavailable");

        signetCommand("start");

        var accepted = submitJobs(account, 1);
        awaitDelivered(account, accepted);
        assertThat(Database.jobsOfAccount(account.id())).isEqualTo(1);
    }

    @Test
    void burstInterruptedByKillingPayaraEndsWithEveryMailDeliveredAndFewDuplicates()
            throws Exception {
        var account = signet.newAccount(false, false);

        // four clients send without pause; Payara dies under them once 40 jobs are accepted
        var jobIds = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var clients = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(
                    () -> {
                        while (!stop.get()) {
                            try {
                                var response =
                                        signet.submitJob(
                                                account,
                                                jobRequest("a@example.com", null, "b@example.com"));
                                if (response.statusCode() == 202) {
                                    jobIds.add(json(response).getString("jobId"));
                                }
                            } catch (RuntimeException e) {
                                stop.set(true); // Payara is gone
                            }
                        }
                    });
        }
        Poll.until(Duration.ofSeconds(60), "40 jobs to be accepted", () -> jobIds.size() >= 40);
        kill("payara");
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
        var unfinished = Database.mailsNotFinished(account.id());
        var onTheirWayOut = Database.mailsOnTheirWayOut(account.id());
        signetCommand("start");

        var messageIds = new ArrayList<String>();
        for (var jobId : jobIds) {
            var job = signet.awaitFinished(account, jobId, Duration.ofSeconds(120));
            var mail = job.getJsonArray("mails").getJsonObject(0);
            assertThat(mail.getString("status")).as("mail of job %s", jobId).isEqualTo("DELIVERED");
            messageIds.add(mail.getString("messageId"));
        }
        // a job stored just as Payara died, whose 202 never reached its client, ends too
        Poll.until(
                Duration.ofSeconds(120),
                "every stored mail of the account to reach a final state",
                () -> Database.mailsNotFinished(account.id()) == 0);
        var received = RelaySinkFolder.messageIds();
        long duplicates = 0;
        for (var messageId : messageIds) {
            var copies = received.stream().filter(messageId::equals).count();
            assertThat(copies).as("copies of %s at the relay", messageId).isPositive();
            duplicates += copies - 1;
        }
        System.out.printf(
                "RecoveryIT: %d mails accepted; at the kill %d not finished, %d of them on their"
                        + " way out; %d delivered twice%n",
                messageIds.size(), unfinished, onTheirWayOut, duplicates);
        assertThat(unfinished).as("mails in flight at the kill").isPositive();
        assertThat(duplicates).isLessThanOrEqualTo(onTheirWayOut);
    }

    @Test
    void mailsWaitWhileTheRelayIsDownAndArriveOnceItIsBack() {
        var account = signet.newAccount(false, false);

        kill("relay-sink");
        var jobId = submitJobs(account, 1).get(0);
        Poll.until(
                Duration.ofSeconds(60),
                "the first delivery attempt to be deferred",
                () ->
                        SignetClient.events(
                                        json(signet.job(account, jobId))
                                                .getJsonArray("mails")
                                                .getJsonObject(0))
                                .contains("DEFERRED/SOFT_BOUNCE"));
        signetCommand("start");

        var mail =
                signet.awaitFinished(account, jobId, Duration.ofSeconds(90))
                        .getJsonArray("mails")
                        .getJsonObject(0);
        var events = SignetClient.events(mail);
        assertThat(events.subList(0, 2))
                .containsExactly("STARTED/PROCESSING_STARTED", "PROCESSED/PROCESSING_FINISHED");
        assertThat(events.subList(2, events.size() - 1))
                .isNotEmpty()
                .containsOnly("DEFERRED/SOFT_BOUNCE");
        assertThat(events.get(events.size() - 1)).isEqualTo("DELIVERED/OK");
        assertThat(RelaySinkFolder.withMessageId(mail.getString("messageId"))).hasSize(1);
    }

    @Test
    void whileTheBrokerIsDownSmtpClientsGet4xxAndEveryMessageAnswered250IsDelivered()
            throws Exception {
        var account = signet.newAccount(false, false);
        SmtpClient.awaitListening();
        var accepted = new ArrayList<String>();
        accepted.add(sendOverSmtp(account, 0));

        kill("broker");
        var codesDuringOutage = new ArrayList<Integer>();
        for (int i = 1; i <= 3; i++) {
            try {
                accepted.add(sendOverSmtp(account, i));
                codesDuringOutage.add(250);
            } catch (SMTPSendFailedException e) {
                codesDuringOutage.add(e.getReturnCode());
            }
        }

        assertThat(codesDuringOutage).as("replies while the broker is down").containsOnly(451);
        assertThat(Database.jobsOfAccount(account.id())).isEqualTo(accepted.size());
        signetCommand("start");
        awaitDelivered(account, accepted);
        SmtpClient.awaitListening();
        accepted.add(sendOverSmtp(account, 4));
        awaitDelivered(account, accepted);
    }

    /** The job id of a message the adapter answered 250; a refusal is thrown. */
    private static String sendOverSmtp(SignetClient.Account account, int n) throws Exception {
        var message =
                ("From: a@example.com\r\nTo: b@example.com\r\nSubject: during an outage "
                                + n
                                + "\r\n\r\nbody\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var reply = SmtpClient.send(account, "a@example.com", message, "b@example.com");
        assertThat(reply).startsWith("250 2.0.0 Queued as job ");
        return SmtpClient.jobIdOf(reply);
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

    private void awaitDelivered(SignetClient.Account account, List<String> jobIds) {
        for (var jobId : jobIds) {
            var job = signet.awaitFinished(account, jobId, Duration.ofSeconds(180));
            for (var mail : job.getJsonArray("mails").getValuesAs(JsonObject.class)) {
                assertThat(mail.getString("status"))
                        .as("mail of job %s", jobId)
                        .isEqualTo("DELIVERED");
            }
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
