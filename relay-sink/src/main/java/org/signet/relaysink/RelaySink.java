package org.signet.relaysink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP relay for the default set-up that delivers nowhere: it keeps each mail it accepts as an
 * {@code .eml} file, byte for byte as received, beside an {@code .envelope} file with MAIL FROM and
 * RCPT TO. Recipients with the local part {@code bounce} are refused with 550 and those with {@code
 * defer} with 451, so that hard and soft bounces can be tried without a real mail server.
 *
 * <p>Settings are system properties: {@code signet.relay-sink.port} (3025), {@code
 * signet.relay-sink.dir} (where mails go), {@code signet.relay-sink.max-bytes} (64 MiB).
 */
public final class RelaySink {

    private static final Logger LOG = Logger.getLogger(RelaySink.class.getName());

    private final SMTPServer server;

    public RelaySink(int port, Path folder, int maxBytes) {
        var mails = new MailFolder(folder);
        server =
                SMTPServer.port(port)
                        .bindAddress(java.net.InetAddress.getLoopbackAddress())
                        .hostName("relay-sink.signet.test")
                        .softwareName("Signet relay sink")
                        .maxMessageSize(maxBytes)
                        .insertReceivedHeaders(false)
                        .messageHandlerFactory(context -> new SinkSession(mails))
                        .build();
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop();
    }

    public int port() {
        return server.getPortAllocated();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        var port = Integer.getInteger("signet.relay-sink.port", 3025);
        var folder = Path.of(System.getProperty("signet.relay-sink.dir", "relay-sink"));
        var maxBytes = Integer.getInteger("signet.relay-sink.max-bytes", 64 * 1024 * 1024);
        Files.createDirectories(folder);

        var sink = new RelaySink(port, folder, maxBytes);
        sink.start();
        LOG.log(
                Level.INFO,
                "Relay sink listening on 127.0.0.1:{0}, keeping mails in {1}",
                new Object[] {sink.port(), folder.toAbsolutePath()});

        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    sink.stop();
                                    stopped.countDown();
                                }));
        stopped.await();
    }
}
