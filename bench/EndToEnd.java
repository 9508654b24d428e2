import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * End-to-end rate of the default set-up: N signed single-mail jobs with a 10 KB body, sent over
 * REST by a few clients, counted as they arrive in the relay sink's folder. Prints mails per second
 * from the first POST to the last mail at the sink. Needs only a JDK:
 *
 * <pre>
 * java bench/EndToEnd.java http://localhost:8080/signet demo:PASSWORD var/relay-sink \
 *     [mails] [clients]
 * </pre>
 *
 * The sender is demo@example.com, for which the demo customer holds a certificate.
 */
public class EndToEnd {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: java bench/EndToEnd.java BASE_URL ACCOUNT:PASSWORD SINK_FOLDER"
                            + " [mails=500] [clients=4]");
            System.exit(2);
        }
        var url = URI.create(args[0] + "/rest/v1/jobs");
        var auth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        var sink = Path.of(args[2]);
        int mails = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        var run = "bench-" + UUID.randomUUID();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var request =
                HttpRequest.newBuilder(url)
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(jobRequest(run)))
                        .build();

        var refused = new AtomicInteger();
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(clients);
        var started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(
                    () -> {
                        while (next.getAndIncrement() < mails) {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 202) {
                                refused.incrementAndGet();
                                System.err.println(response.statusCode() + " " + response.body());
                            }
                        }
                        return null;
                    });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        var submitted = (System.nanoTime() - started) / 1e9;
        var expected = mails - refused.get();

        var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        var seen = new HashSet<Path>();
        long arrived = 0;
        while (System.nanoTime() < deadline && (arrived += arrived(sink, run, seen)) < expected) {
            Thread.sleep(200);
        }
        var finished = (System.nanoTime() - started) / 1e9;

        System.out.printf(
                "%d signed 10 KB mails: accepted in %.1f s (%.0f jobs/s), %d at the sink after"
                        + " %.1f s: %.1f mails/s end to end, %d refused%n",
                mails,
                submitted,
                mails / submitted,
                arrived,
                finished,
                arrived / finished,
                refused.get());
        if (arrived < expected) {
            System.exit(1);
        }
    }

    /**
     * Mails of this run that arrived at the sink since the last look: the run id is in the subject
     * of each. Each file is read once, so that polling costs the server little.
     */
    private static long arrived(Path sink, String run, Set<Path> seen) throws IOException {
        try (Stream<Path> files = Files.list(sink)) {
            return files.filter(f -> f.toString().endsWith(".eml"))
                    .filter(seen::add)
                    .filter(f -> contains(f, run))
                    .count();
        }
    }

    private static boolean contains(Path file, String run) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains(run);
        } catch (IOException e) {
            return false;
        }
    }

    private static String jobRequest(String run) {
        var line = "Signet end-to-end benchmark, a line of text to be signed. ";
        var body = line.repeat(10 * 1024 / line.length() + 1).substring(0, 10 * 1024);
        return "{\"subject\": {\"content\": \""
                + run
                + "\"}, \"body\": {\"contentType\": \"text/plain\", \"content\": \""
                + body
                + "\"}, \"recipients\": [{\"mail\": {\"to\": [{\"email\":"
                + " \"bench@example.com\"}]}}], \"mail\": {\"from\": {\"email\":"
                + " \"demo@example.com\"}}, \"job\": {\"features\": {\"messageSigning\":"
                + " {\"active\": true}}}}";
    }
}
