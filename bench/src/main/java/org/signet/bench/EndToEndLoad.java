package org.signet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Row 4: signed 10 KB mails into a running Signet over REST or SMTP from N concurrent clients,
 * until the relay sink's folder holds every one of them.
 *
 * <pre>
 * java -cp ... org.signet.bench.EndToEndLoad rest http://localhost:8080/signet demo:PW var \
 *     [mails=2000] [clients=8]
 * java -cp ... org.signet.bench.EndToEndLoad smtp localhost:8025 demo:PW var [mails] [clients]
 * </pre>
 *
 * {@code var} is the runtime's home: the mails arrive in {@code relay-sink/}, and the SMTP client
 * trusts the adapter's key from {@code secrets/}. Each mail carries the run and its number in its
 * subject. Its latency runs from the moment the client had Signet's acceptance (the 202, or the 250
 * after DATA) to the moment the relay sink wrote its file. The rate counts from the first request
 * to the last mail at the sink. The last line is {@code RESULT ...} for bench/run; a mail that is
 * refused or never arrives makes the exit status 1.
 */
public final class EndToEndLoad {

    private static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(10);

    private final String channel;
    private final String target;
    private final String account;
    private final String password;
    private final Path home;
    private final int mails;
    private final int clients;
    private final String run = "bench-" + UUID.randomUUID();
    private final long[] acceptedAtNanos;
    private final long[] acceptLatencyNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private EndToEndLoad(String[] args) {
        channel = args[0];
        target = args[1];
        account = args[2].substring(0, args[2].indexOf(':'));
        password = args[2].substring(args[2].indexOf(':') + 1);
        home = Path.of(args[3]);
        mails = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        clients = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        acceptedAtNanos = new long[mails];
        acceptLatencyNanos = new long[mails];
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !Set.of("rest", "smtp").contains(args[0])) {
            System.err.println(
                    "usage: EndToEndLoad rest|smtp URL|HOST:PORT ACCOUNT:PASSWORD SIGNET_HOME"
                            + " [mails=2000] [clients=8]");
            System.exit(2);
        }
        System.exit(new EndToEndLoad(args).measure() ? 0 : 1);
    }

    private boolean measure() throws Exception {
        var sink = home.resolve("relay-sink");
        var seen = new HashSet<Path>();
        try (Stream<Path> before = Files.list(sink)) {
            before.forEach(seen::add);
        }
        // the sink's clock and this process's: both the wall clock of this machine
        long wallAtStart = System.currentTimeMillis() * 1_000_000L;
        long nanoAtStart = System.nanoTime();

        var pool = Executors.newFixedThreadPool(clients);
        List<Future<Void>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(channel.equals("rest") ? restClient() : smtpClient()));
        }
        for (var client : done) {
            client.get();
        }
        pool.shutdown();
        double submitted = (System.nanoTime() - nanoAtStart) / 1e9;
        int expected = mails - refused.get();

        var deliveredAtWallNanos = new HashMap<Integer, Long>();
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        while (deliveredAtWallNanos.size() < expected && System.nanoTime() < deadline) {
            arrivals(sink, seen, deliveredAtWallNanos);
            Thread.sleep(100);
        }
        long lastArrival = deliveredAtWallNanos.values().stream().mapToLong(t -> t).max().orElse(0);
        double seconds = (lastArrival - wallAtStart) / 1e9;

        var latencies = new long[deliveredAtWallNanos.size()];
        int i = 0;
        for (var arrival : deliveredAtWallNanos.entrySet()) {
            long acceptedWall = wallAtStart + (acceptedAtNanos[arrival.getKey()] - nanoAtStart);
            latencies[i++] = arrival.getValue() - acceptedWall;
        }
        Arrays.sort(latencies);
        var accepts = Arrays.copyOf(acceptLatencyNanos, mails);
        Arrays.sort(accepts);

        System.out.printf(
                "%s, %d clients: %d signed 10 KB mails accepted in %.1f s (%.0f/s, answer p50 %.0f"
                        + " ms, p99 %.0f ms); %d at the relay sink after %.1f s: %.1f mails/s;"
                        + " accept to delivered p50 %.0f ms, p99 %.0f ms; %d refused%n",
                channel.toUpperCase(java.util.Locale.ROOT),
                clients,
                mails,
                submitted,
                mails / submitted,
                percentile(accepts, 0.50) / 1e6,
                percentile(accepts, 0.99) / 1e6,
                deliveredAtWallNanos.size(),
                seconds,
                deliveredAtWallNanos.size() / seconds,
                percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6,
                refused.get());
        System.out.printf(
                "RESULT channel=%s mails=%d clients=%d mailsPerSecond=%.1f p50Ms=%.0f p99Ms=%.0f"
                        + " acceptedPerSecond=%.1f%n",
                channel,
                deliveredAtWallNanos.size(),
                clients,
                deliveredAtWallNanos.size() / seconds,
                percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6,
                mails / submitted);
        return refused.get() == 0 && deliveredAtWallNanos.size() == mails;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)];
    }

    private static final Pattern NUMBER = Pattern.compile("bench-[0-9a-f-]{36} #(\\d+)");

    /** Reads each new file of the sink once; files of other runs are remembered and skipped. */
    private void arrivals(Path sink, Set<Path> seen, Map<Integer, Long> delivered)
            throws IOException {
        List<Path> fresh;
        try (Stream<Path> files = Files.list(sink)) {
            fresh = files.filter(f -> f.toString().endsWith(".eml")).filter(seen::add).toList();
        }
        for (var file : fresh) {
            var text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (!text.contains(run)) {
                continue;
            }
            var matcher = NUMBER.matcher(text);
            if (matcher.find()) {
                var modified = Files.getLastModifiedTime(file).toInstant();
                delivered.put(
                        Integer.parseInt(matcher.group(1)),
                        modified.getEpochSecond() * 1_000_000_000L + modified.getNano());
            }
        }
    }

    private void accepted(int n, long sentAt, boolean ok, String answer) {
        long now = System.nanoTime();
        acceptedAtNanos[n] = now;
        acceptLatencyNanos[n] = now - sentAt;
        if (!ok) {
            refused.incrementAndGet();
            System.err.println("mail " + n + " not accepted: " + answer);
        }
    }

    private String body() {
        var line = "Signet end-to-end benchmark, a line of text to be signed. ";
        return line.repeat(10 * 1024 / line.length() + 1).substring(0, 10 * 1024);
    }

    private Callable<Void> restClient() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var auth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (account + ":" + password)
                                                .getBytes(StandardCharsets.UTF_8));
        var body = body();
        return () -> {
            int n;
            while ((n = next.getAndIncrement()) < mails) {
                var json =
                        "{\"subject\": {\"content\": \""
                                + run
                                + " #"
                                + n
                                + "\"}, \"body\": {\"contentType\": \"text/plain\", \"content\":"
                                + " \""
                                + body
                                + "\"}, \"recipients\": [{\"mail\": {\"to\": [{\"email\":"
                                + " \"reader"
                                + n
                                + "@example.org\"}]}}], \"mail\": {\"from\": {\"email\":"
                                + " \"demo@example.com\"}}, \"job\": {\"features\":"
                                + " {\"messageSigning\": {\"active\": true}}}}";
                var request =
                        HttpRequest.newBuilder(URI.create(target + "/rest/v1/jobs"))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build();
                long sentAt = System.nanoTime();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                accepted(n, sentAt, response.statusCode() == 202, response.body());
            }
            return null;
        };
    }

    private Callable<Void> smtpClient() throws Exception {
        var host = target.substring(0, target.lastIndexOf(':'));
        var port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        var trust = trust(home.resolve("secrets"));
        // lines of 70 characters, a leading dot doubled (RFC 5321 4.5.2)
        var body = body().replaceAll("(.{70})", "$1\r\n").replace("\r\n.", "\r\n..");
        return () -> {
            try (var smtp = new SmtpSession(host, port)) {
                smtp.expect("220");
                smtp.send("EHLO bench.signet.test", "250");
                smtp.send("STARTTLS", "220");
                smtp.secure(trust, host, port);
                smtp.send("EHLO bench.signet.test", "250");
                var token = "\0" + account + "\0" + password;
                smtp.send(
                        "AUTH PLAIN "
                                + Base64.getEncoder()
                                        .encodeToString(token.getBytes(StandardCharsets.UTF_8)),
                        "235");
                int n;
                while ((n = next.getAndIncrement()) < mails) {
                    smtp.send("MAIL FROM:<demo@example.com>", "250");
                    smtp.send("RCPT TO:<reader" + n + "@example.org>", "250");
                    smtp.send("DATA", "354");
                    smtp.write(
                            "From: Demo <demo@example.com>\r\nTo: reader"
                                    + n
                                    + "@example.org\r\nSubject: "
                                    + run
                                    + " #"
                                    + n
                                    + "\r\nX-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE: true\r\n\r\n"
                                    + body
                                    + "\r\n.\r\n");
                    long sentAt = System.nanoTime();
                    var reply = smtp.reply();
                    accepted(n, sentAt, reply.startsWith("250"), reply);
                }
                smtp.send("QUIT", "221");
            }
            return null;
        };
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
    private static final class SmtpSession implements AutoCloseable {

        private Socket socket;
        private BufferedReader in;
        private OutputStream out;

        SmtpSession(String host, int port) throws IOException {
            attach(new Socket(host, port));
        }

        void secure(SSLContext trust, String host, int port) throws IOException {
            var tls = (SSLSocket) trust.getSocketFactory().createSocket(socket, host, port, true);
            tls.startHandshake();
            attach(tls);
        }

        void send(String line, String expected) throws IOException {
            write(line + "\r\n");
            expect(expected);
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void expect(String code) throws IOException {
            var reply = reply();
            if (!reply.startsWith(code)) {
                throw new IllegalStateException("expected " + code + ", got " + reply);
            }
        }

        /** The last line of a reply. */
        String reply() throws IOException {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IllegalStateException("the server closed the session");
                }
            } while (line.length() > 3 && line.charAt(3) == '-');
            return line;
        }

        private void attach(Socket socket) throws IOException {
            this.socket = socket;
            in =
                    new BufferedReader(
                            new InputStreamReader(
                                    socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
