import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on POST /rest/v1/jobs: N clients each send JobRequests back to back for a fixed number of
 * jobs; prints accepted jobs per second and the p50/p99 latency of the answer. Needs only a JDK:
 *
 * <pre>
 * java bench/IntakeLoad.java http://localhost:8080/signet demo:PASSWORD \
 *     [clients] [jobs] [recipients]
 * </pre>
 */
public class IntakeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: java bench/IntakeLoad.java BASE_URL ACCOUNT:PASSWORD"
                            + " [clients=8] [jobs=2000] [recipients=1]");
            System.exit(2);
        }
        var url = URI.create(args[0] + "/rest/v1/jobs");
        var auth =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int jobs = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int recipients = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        var body = jobRequest(recipients);

        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var request =
                HttpRequest.newBuilder(url)
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();

        // warm-up: the first requests pay for class loading and JIT in the server
        for (int i = 0; i < 50; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }

        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var started = System.nanoTime();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(
                    pool.submit(
                            () -> {
                                var latencies = new ArrayList<Long>();
                                while (next.getAndIncrement() < jobs) {
                                    var t0 = System.nanoTime();
                                    var response =
                                            http.send(
                                                    request,
                                                    HttpResponse.BodyHandlers.ofString());
                                    latencies.add(System.nanoTime() - t0);
                                    if (response.statusCode() != 202) {
                                        failures.incrementAndGet();
                                    }
                                }
                                return latencies;
                            }));
        }
        var all = new ArrayList<Long>();
        for (var result : results) {
            all.addAll(result.get());
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();

        Collections.sort(all);
        System.out.printf(
                "POST /jobs: %d jobs (%d mails each) from %d clients in %.1f s: %.0f jobs/s,"
                        + " p50 %.1f ms, p99 %.1f ms, %d not accepted%n",
                all.size(),
                recipients,
                clients,
                seconds,
                all.size() / seconds,
                percentile(all, 0.50),
                percentile(all, 0.99),
                failures.get());
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private static String jobRequest(int recipients) {
        var entries = new StringBuilder();
        for (int i = 0; i < recipients; i++) {
            entries.append(i == 0 ? "" : ",")
                    .append("{\"mail\": {\"to\": [{\"email\": \"r")
                    .append(i)
                    .append("@example.com\"}]}}");
        }
        return "{\"subject\": {\"content\": \"Load test\"},"
                + " \"body\": {\"contentType\": \"text/plain\", \"content\": \"Hello from the load"
                + " test.\"}, \"recipients\": ["
                + entries
                + "], \"mail\": {\"from\": {\"email\": \"demo@example.com\"}},"
                + " \"job\": {\"features\": {\"messageSigning\": {\"active\": false}}}}";
    }
}
