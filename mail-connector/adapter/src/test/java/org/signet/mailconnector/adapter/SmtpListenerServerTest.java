package org.signet.mailconnector.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signet.mailconnector.InboundMessage;
import org.signet.mailconnector.SignIn;
import org.signet.mailconnector.SmtpListener;
import org.signet.mailconnector.SmtpReply;

/**
 * The SMTP listener with a stand-in for the listener bean: the protocol rules and limits as a
 * client sees them, reply code by reply code, over a real socket with a real TLS handshake.
 */
class SmtpListenerServerTest {

    private static final int MAX_MESSAGE = 4096;
    private static final int MAX_HEADER = 1024;

    @TempDir static Path keys;

    private static Path keyStore;
    private static Path passwordFile;
    private static SSLContext trust;

    /** What the stand-in bean answers; tests change it. */
    private volatile Function<InboundMessage, SmtpReply> answer =
            message -> SmtpReply.ok("2.0.0 queued as job-1");

    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private SmtpListenerServer server;

    @BeforeAll
    static void tlsKey() throws Exception {
        keyStore = keys.resolve("smtp.p12");
        passwordFile = keys.resolve("smtp.password");
        Files.writeString(passwordFile, "test-store-pw\n");
        var keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "smtp",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "san=dns:localhost,ip:127.0.0.1",
                                "-validity",
                                "2",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keyStore.toString(),
                                "-storepass",
                                "test-store-pw")
                        .redirectErrorStream(true)
                        .start();
        var output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();

        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, "test-store-pw".toCharArray());
        }
        var trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(store);
        trust = SSLContext.getInstance("TLS");
        trust.init(null, trustManagers.getTrustManagers(), null);
    }

    @BeforeEach
    void startListener() {
        var settings =
                new ListenerSettings(
                        InetAddress.getLoopbackAddress(),
                        0,
                        "smtp.signet.test",
                        keyStore,
                        "test-store-pw".toCharArray(),
                        MAX_MESSAGE,
                        MAX_HEADER,
                        100,
                        3,
                        8,
                        10);
        server =
                new SmtpListenerServer(
                        settings,
                        new ListenerEndpoint(new StandInFactory()),
                        Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopListener() {
        server.stop();
    }

    @Test
    void authBeforeStartTlsIsRefused() throws IOException {
        try (var client = connect()) {
            assertThat(client.command("EHLO client.test")).startsWith("250");

            assertThat(client.authPlain("acc-1", "right")).startsWith("530");
        }
    }

    @Test
    void authIsNotOfferedBeforeStartTls() throws IOException {
        try (var client = connect()) {
            var ehlo = client.command("EHLO client.test");

            assertThat(ehlo).startsWith("250").contains("STARTTLS").doesNotContain("AUTH");
        }
    }

    @Test
    void mailBeforeAuthIsRefused() throws IOException {
        try (var client = secure()) {
            assertThat(client.command("MAIL FROM:<s@example.com>")).startsWith("530");
        }
    }

    @Test
    void wrongPasswordIsRefusedWith535AndAnUncheckableOneWith454() throws IOException {
        try (var client = secure()) {
            assertThat(client.authPlain("acc-1", "wrong")).startsWith("535 5.7.8");
            assertThat(client.authPlain("acc-1", "database-down")).startsWith("454 4.7.0");
        }
    }

    @Test
    void authLoginWithChallengesSignsIn() throws IOException {
        try (var client = secure()) {
            assertThat(client.command("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(client.command(base64("acc-1"))).isEqualTo("334 UGFzc3dvcmQ6");

            assertThat(client.command(base64("right"))).startsWith("235");
        }
    }

    @Test
    void authIsOfferedAfterStartTls() throws IOException {
        try (var client = connect()) {
            client.command("EHLO client.test");
            client.startTls(trust);

            assertThat(client.command("EHLO client.test")).contains("AUTH PLAIN LOGIN");
        }
    }

    @Test
    void acceptedMessageReachesTheBeanByteForByteWithItsEnvelopeAndIdentity() throws IOException {
        var content = "Subject: Hello\r\nX-Test: 1\r\n\r\nLine one\r\n.dot line\r\n";
        try (var client = signedIn()) {
            assertThat(client.command("MAIL FROM:<s@example.com>")).startsWith("250");
            assertThat(client.command("RCPT TO:<a@example.com>")).startsWith("250");
            assertThat(client.command("RCPT TO:<b@example.org>")).startsWith("250");

            assertThat(client.data(bytes(content))).isEqualTo("250 2.0.0 queued as job-1");
        }

        assertThat(received).hasSize(1);
        var message = received.get(0);
        assertThat(message.identity()).isEqualTo("acc-1");
        assertThat(message.mailFrom()).isEqualTo("s@example.com");
        assertThat(message.recipients()).containsExactly("a@example.com", "b@example.org");
        assertThat(new String(message.content(), StandardCharsets.ISO_8859_1)).isEqualTo(content);
    }

    @Test
    void messageOverTheSizeLimitIsRefusedAfterCountingDataAndTheSessionGoesOn() throws IOException {
        var line = "x".repeat(78) + "\r\n";
        var content = "Subject: big\r\n\r\n" + line.repeat(MAX_MESSAGE / line.length() + 1);
        try (var client = signedIn()) {
            // no SIZE parameter: the limit holds whatever the client declares
            assertThat(client.command("MAIL FROM:<s@example.com>")).startsWith("250");
            assertThat(client.command("RCPT TO:<a@example.com>")).startsWith("250");

            assertThat(client.data(bytes(content))).startsWith("552 5.3.4 Message too big");
            assertThat(client.command("RSET")).startsWith("250");
            assertThat(client.command("NOOP")).startsWith("250");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void lineOverTheLimitIsRefused() throws IOException {
        var content = "Subject: long\r\n\r\n" + "y".repeat(150) + "\r\n";
        try (var client = transaction()) {
            assertThat(client.data(bytes(content))).startsWith("554 5.6.0 Line too long");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void headerSectionOverTheLimitIsRefused() throws IOException {
        var content = "X-Filler: abc\r\n".repeat(MAX_HEADER / 15 + 1) + "\r\nbody\r\n";
        try (var client = transaction()) {
            assertThat(client.data(bytes(content)))
                    .startsWith("552 5.3.4 Message header too large");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void recipientsOverTheLimitAreRefused() throws IOException {
        try (var client = signedIn()) {
            client.command("MAIL FROM:<s@example.com>");
            for (int i = 0; i < 3; i++) {
                assertThat(client.command("RCPT TO:<r" + i + "@example.com>")).startsWith("250");
            }

            assertThat(client.command("RCPT TO:<r3@example.com>")).startsWith("452");
        }
    }

    @Test
    void theBeansRefusalOrTemporaryFailureReachesTheClientAsItIs() throws IOException {
        answer = message -> SmtpReply.refused(550, "5.7.1 messageSigning is not active");
        try (var client = transaction()) {
            assertThat(client.data(bytes("Subject: x\r\n\r\nbody\r\n")))
                    .isEqualTo("550 5.7.1 messageSigning is not active");
        }

        answer = message -> SmtpReply.tryAgainLater("4.3.0 the broker is down");
        try (var client = transaction()) {
            assertThat(client.data(bytes("Subject: x\r\n\r\nbody\r\n")))
                    .isEqualTo("451 4.3.0 the broker is down");
        }
    }

    @Test
    void aFailingBeanIsATemporaryFailureForTheClient() throws IOException {
        answer =
                message -> {
                    throw new IllegalStateException("the bean failed");
                };
        try (var client = transaction()) {
            assertThat(client.data(bytes("Subject: x\r\n\r\nbody\r\n"))).startsWith("451 4.3.0");
        }
    }

    private SmtpTestClient connect() throws IOException {
        var client = new SmtpTestClient("localhost", server.port());
        assertThat(client.reply()).startsWith("220");
        return client;
    }

    private SmtpTestClient secure() throws IOException {
        var client = connect();
        client.command("EHLO client.test");
        client.startTls(trust);
        assertThat(client.command("EHLO client.test")).startsWith("250");
        return client;
    }

    private SmtpTestClient signedIn() throws IOException {
        var client = secure();
        assertThat(client.authPlain("acc-1", "right")).startsWith("235");
        return client;
    }

    private SmtpTestClient transaction() throws IOException {
        var client = signedIn();
        assertThat(client.command("MAIL FROM:<s@example.com>")).startsWith("250");
        assertThat(client.command("RCPT TO:<a@example.com>")).startsWith("250");
        return client;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The container's side of an activation, with a bean that signs in acc-1 with "right". */
    private final class StandInFactory implements MessageEndpointFactory {

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource) {
            SmtpListener bean =
                    new SmtpListener() {
                        @Override
                        public SignIn signIn(String username, char[] password, String client) {
                            var given = new String(password);
                            if (given.equals("database-down")) {
                                return SignIn.temporaryFailure("database down");
                            }
                            return username.equals("acc-1") && given.equals("right")
                                    ? SignIn.accepted("acc-1")
                                    : SignIn.refused("wrong credentials");
                        }

                        @Override
                        public SmtpReply accept(InboundMessage message) {
                            var reply = answer.apply(message);
                            if (reply.isPositive()) {
                                received.add(message);
                            }
                            return reply;
                        }
                    };
            return (MessageEndpoint)
                    Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {SmtpListener.class, MessageEndpoint.class},
                            (proxy, method, args) ->
                                    method.getDeclaringClass() == SmtpListener.class
                                            ? method.invoke(bean, args)
                                            : null);
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
            return createEndpoint(xaResource);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "stand-in";
        }

        @Override
        public Class<?> getEndpointClass() {
            return SmtpListener.class;
        }
    }
}
