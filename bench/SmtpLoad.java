import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Load on the SMTP adapter: N sessions, each STARTTLS and AUTH PLAIN once, then messages back to
 * back; prints accepted mails per second and the p50/p99 time from the end of DATA to the 250.
 * Trusts the adapter's certificate from the key store the start command generated. Needs only a
 * JDK:
 *
 * <pre>
 * java bench/SmtpLoad.java localhost:8025 demo:PASSWORD var/secrets [sessions=8] [mails=1000]
 * </pre>
 */
public class SmtpLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: java bench/SmtpLoad.java HOST:PORT ACCOUNT:PASSWORD SECRETS_DIR"
                            + " [sessions=8] [mails=1000]");
            System.exit(2);
        }
        var host = args[0].substring(0, args[0].lastIndexOf(':'));
        var port = Integer.parseInt(args[0].substring(args[0].lastIndexOf(':') + 1));
        var account = args[1].substring(0, args[1].indexOf(':'));
        var password = args[1].substring(args[1].indexOf(':') + 1);
        var trust = trust(Path.of(args[2]));
        int sessions = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int mails = args.length > 4 ? Integer.parseInt(args[4]) : 1000;

        var next = new AtomicInteger();
        var refused = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(sessions);
        var started = System.nanoTime();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            Callable<List<Long>> session =
                    () -> {
                        var latencies = new ArrayList<Long>();
                        try (var smtp = new Session(host, port)) {
                            smtp.expect("220");
                            smtp.send("EHLO bench.signet.test", "250");
                            smtp.send("STARTTLS", "220");
                            smtp.secure(trust, host, port);
                            smtp.send("EHLO bench.signet.test", "250");
                            var token = "\0" + account + "\0" + password;
                            smtp.send(
                                    "AUTH PLAIN "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            token.getBytes(
                                                                    StandardCharsets.UTF_8)),
                                    "235");
                            int n;
                            while ((n = next.getAndIncrement()) < mails) {
                                smtp.send("MAIL FROM:<demo@example.com>", "250");
                                smtp.send("RCPT TO:<load" + n + "@example.com>", "250");
                                smtp.send("DATA", "354");
                                smtp.write(message(n));
                                var t0 = System.nanoTime();
                                var reply = smtp.reply();
                                latencies.add(System.nanoTime() - t0);
                                if (!reply.startsWith("250")) {
                                    refused.incrementAndGet();
                                    System.err.println(reply);
                                }
                            }
                            smtp.send("QUIT", "221");
                        }
                        return latencies;
                    };
            results.add(pool.submit(session));
        }
        var all = new ArrayList<Long>();
        for (var result : results) {
            all.addAll(result.get());
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();

        Collections.sort(all);
        System.out.printf(
                "SMTP: %d mails over %d sessions in %.1f s: %.0f mails/s; end of DATA to reply"
                        + " p50 %.1f ms, p99 %.1f ms; %d not accepted%n",
                all.size(),
                sessions,
                seconds,
                all.size() / seconds,
                all.get(all.size() / 2) / 1e6,
                all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6,
                refused.get());
    }

    private static String message(int n) {
        return "From: Demo <demo@example.com>\r\nTo: load"
                + n
                + "@example.com\r\nSubject: SMTP load "
                + n
                + "\r\nX-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE: false\r\n\r\n"
                + "A short message of the SMTP load run.\r\n.\r\n";
    }

    private static SSLContext trust(Path secrets) throws Exception {
        var password = Files.readString(secrets.resolve("smtp-tls.password")).strip();
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(secrets.resolve("smtp-tls.p12"))) {
            store.load(in, password.toCharArray());
        }
        var managers = TrustManagerFactory.getInstance("PKIX");
        managers.init(store);
        var context = SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        return context;
    }

    /** One SMTP session, line by line. */
    private static final class Session implements AutoCloseable {

        private Socket socket;
        private BufferedReader in;
        private OutputStream out;

        Session(String host, int port) throws Exception {
            attach(new Socket(host, port));
        }

        void secure(SSLContext trust, String host, int port) throws Exception {
            var tls = (SSLSocket) trust.getSocketFactory().createSocket(socket, host, port, true);
            tls.startHandshake();
            attach(tls);
        }

        void send(String line, String expected) throws Exception {
            write(line + "\r\n");
            expect(expected);
        }

        void write(String text) throws Exception {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void expect(String code) throws Exception {
            var reply = reply();
            if (!reply.startsWith(code)) {
                throw new IllegalStateException("expected " + code + ", got " + reply);
            }
        }

        /** The last line of a reply. */
        String reply() throws Exception {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IllegalStateException("the server closed the session");
                }
            } while (line.length() > 3 && line.charAt(3) == '-');
            return line;
        }

        private void attach(Socket socket) throws Exception {
            this.socket = socket;
            in =
                    new BufferedReader(
                            new InputStreamReader(
                                    socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
