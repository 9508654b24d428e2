package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.signet.system.SignetClient.events;

import jakarta.mail.AuthenticationFailedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMTP adapter of the deployed EAR as applications use it: Jakarta Mail and swaks over STARTTLS
 * and AUTH, control headers, the signing decision, and each refusal with its code.
 */
class SmtpIT {

    private static final Duration FINISH = Duration.ofSeconds(60);

    @RegisterExtension static final CustomerCa ca = new CustomerCa();

    private final SignetClient signet = new SignetClient();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
        SmtpClient.awaitListening();
    }

    @Test
    void messageWithSigningHeaderArrivesSignedWithoutControlHeadersForEveryRecipient()
            throws Exception {
        var account = signet.newAccount(true, false);
        signet.importCertificate(account, ca.issue("smtp-orders@example.com", "pw-smtp"));
        var message =
                crlf(
                        "From: Shop <smtp-orders@example.com>",
                        "To: Alice <alice@example.com>",
                        "Cc: carol@example.org",
                        "Subject: Ihre Bestellung",
                        "X-Retarus-M4A-Message-Signing-Active: true",
                        "X-RETARUS-M4A-REFERENCE: smtp-order-4711",
                        "x-retarus-m4a-cost-center: cc-7",
                        "X-Order: 4711",
                        "",
                        "Your order has been shipped.");

        var reply =
                SmtpClient.send(
                        account,
                        "smtp-orders@example.com",
                        message,
                        "alice@example.com",
                        "carol@example.org");

        assertThat(reply).startsWith("250 2.0.0 Queued as job ");
        var job = signet.awaitFinished(account, SmtpClient.jobIdOf(reply), FINISH);
        assertThat(job.getString("referenceJob")).isEqualTo("smtp-order-4711");
        assertThat(job.getString("signing")).isEqualTo("SIGN");
        var mail = job.getJsonArray("mails").getJsonObject(0);
        assertThat(events(mail))
                .containsExactly(
                        "STARTED/PROCESSING_STARTED",
                        "SMIME_SIGNING/OK",
                        "PROCESSED/PROCESSING_FINISHED",
                        "DELIVERED/OK");
        assertThat(mail.getString("email")).isEqualTo("alice@example.com");

        var received = RelaySinkFolder.withMessageId(mail.getString("messageId"));
        assertThat(received).hasSize(1);
        var sent = received.get(0);
        assertThat(sent.text()).doesNotContainIgnoringCase("X-RETARUS").contains("X-Order: 4711");
        assertThat(ca.opensslVerifies(sent.text())).as("openssl cms -verify").isTrue();
        assertThat(ca.gpgsmVerifies(sent.bytes())).as("gpgsm --verify").isTrue();
        assertThat(sent.envelope())
                .isEqualTo(
                        "MAIL FROM:<smtp-orders@example.com>\nRCPT TO:<alice@example.com>\n"
                                + "RCPT TO:<carol@example.org>\n");
    }

    @Test
    void unsignedMessageLeavesByteForByteAsSentButForItsControlHeaders() throws Exception {
        var account = signet.newAccount(false, false);
        var withoutControls =
                crlf(
                        "From: app@example.com",
                        "To: bob@example.org",
                        "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=",
                        "Message-ID: <kept-as-sent-" + System.nanoTime() + "@example.com>",
                        "Date: Fri, 04 Dec 2026 10:00:00 +0100",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=UTF-8",
                        "Content-Transfer-Encoding: quoted-printable",
                        "",
                        "Gr=C3=BC=C3=9Fe aus K=C3=B6ln,  two spaces and a trailing one ",
                        ".a line that starts with a dot");
        var text = new String(withoutControls, StandardCharsets.US_ASCII);
        var message =
                text.replace(
                                "MIME-Version: 1.0\r\n",
                                "X-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE: false\r\nMIME-Version:"
                                        + " 1.0\r\n")
                        .getBytes(StandardCharsets.US_ASCII);

        var reply = SmtpClient.send(account, "app@example.com", message, "bob@example.org");

        var job = signet.awaitFinished(account, SmtpClient.jobIdOf(reply), FINISH);
        var mail = job.getJsonArray("mails").getJsonObject(0);
        assertThat(events(mail))
                .containsExactly(
                        "STARTED/PROCESSING_STARTED",
                        "PROCESSED/PROCESSING_FINISHED",
                        "DELIVERED/OK");
        assertThat(mail.getString("messageId")).startsWith("<kept-as-sent-");
        var received = RelaySinkFolder.withMessageId(mail.getString("messageId"));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).bytes()).isEqualTo(withoutControls);
    }

    @Test
    void swaksSendsAMailThatIsSignedByTheAccountsDefault() throws Exception {
        var account = signet.newAccount(true, true);
        signet.importCertificate(account, ca.issue("swaks@example.com", "pw-swaks"));

        var output =
                swaks(
                        "--server",
                        SmtpClient.HOST + ":" + SmtpClient.PORT,
                        "--tls",
                        "--auth",
                        "LOGIN",
                        "--auth-user",
                        account.id(),
                        "--auth-password",
                        account.password(),
                        "--from",
                        "swaks@example.com",
                        "--to",
                        "dave@example.net",
                        "--header",
                        "Subject: Sent with swaks",
                        "--body",
                        "Signed because the account signs by default.");

        var reply = output.lines().filter(line -> line.contains("Queued as job")).findFirst();
        assertThat(reply).as(output).isPresent();
        var job = signet.awaitFinished(account, SmtpClient.jobIdOf(reply.get()), FINISH);
        var mail = job.getJsonArray("mails").getJsonObject(0);
        assertThat(events(mail)).contains("SMIME_SIGNING/OK", "DELIVERED/OK");
        var received = RelaySinkFolder.withMessageId(mail.getString("messageId"));
        assertThat(ca.opensslVerifies(received.get(0).text())).isTrue();
    }

    @Test
    void signingFlagOnAnAccountWithoutTheFeatureIsRefusedAtTheEndOfDataAndNothingIsStored() {
        var account = signet.newAccount(false, false);
        var message =
                crlf(
                        "From: a@example.com",
                        "To: b@example.com",
                        "Subject: wants signing",
                        "X-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE: true",
                        "",
                        "body");

        assertRefused(account, message, 550, "5.7.1", "messageSigning");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void malformedControlHeaderIsRefusedWithItsReason() {
        var account = signet.newAccount(true, true);
        var message =
                crlf(
                        "From: a@example.com",
                        "Subject: x",
                        "X-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE: maybe",
                        "",
                        "body");

        assertRefused(account, message, 550, "5.6.0", "must be true or false, not \"maybe\"");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void messageOverTheSizeLimitIsRefusedWith552() {
        var account = signet.newAccount(false, false);
        var line = "x".repeat(76) + "\r\n";
        var body = line.repeat(20 * 1024 * 1024 / line.length() + 10);
        var message = crlf("From: a@example.com", "Subject: too big", "", body);

        assertRefused(account, message, 552, "5.3.4 Message too big");
        assertThat(Database.jobsOfAccount(account.id())).isZero();
    }

    @Test
    void lineOverOneThousandBytesIsRefusedWith554() {
        var account = signet.newAccount(false, false);
        var message = crlf("From: a@example.com", "Subject: long line", "", "y".repeat(1200));

        assertRefused(account, message, 554, "5.6.0 Line too long");
    }

    @Test
    void wrongPasswordIsRefusedWith535() {
        var account = signet.newAccount(false, false);
        var wrong = new SignetClient.Account(account.customerNo(), account.id(), "not-it");

        assertThatThrownBy(
                        () ->
                                SmtpClient.send(
                                        wrong,
                                        "a@example.com",
                                        crlf("Subject: x", "", "body"),
                                        "b@example.com"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("535 5.7.8");
    }

    @Test
    void authBeforeStartTlsAndMailBeforeAuthAreRefusedWith530() throws Exception {
        var account = signet.newAccount(false, false);
        try (var socket = new Socket(SmtpClient.HOST, SmtpClient.PORT)) {
            var in =
                    new BufferedReader(
                            new InputStreamReader(
                                    socket.getInputStream(), StandardCharsets.US_ASCII));
            var out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220");
            var plain =
                    Base64.getEncoder()
                            .encodeToString(
                                    ("\0" + account.id() + "\0" + account.password())
                                            .getBytes(StandardCharsets.UTF_8));

            out.write(("AUTH PLAIN " + plain + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("530");
            out.write("MAIL FROM:<a@example.com>\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("530");
        }
    }

    /** Sending the message gets {@code code} at the end of DATA, with each text in the reply. */
    private static void assertRefused(
            SignetClient.Account account, byte[] message, int code, String... texts) {
        assertThatThrownBy(
                        () -> SmtpClient.send(account, "a@example.com", message, "b@example.com"))
                .isInstanceOfSatisfying(
                        SMTPSendFailedException.class,
                        e -> {
                            assertThat(e.getReturnCode()).isEqualTo(code);
                            assertThat(e.getMessage()).contains(texts);
                        });
    }

    private static String swaks(String... arguments) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add("swaks");
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static byte[] crlf(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
