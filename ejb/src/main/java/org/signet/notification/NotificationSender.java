package org.signet.notification;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.signet.platform.Settings;

/**
 * POSTs a notification document to a receiver, within {@code signet.notification.timeout}, on the
 * container's managed threads. Redirects are not followed: a 3xx is the receiver's answer.
 */
@ApplicationScoped
public class NotificationSender {

    /** What a receiver answered: its HTTP status, or 0 and why there was no answer. */
    public record Answer(int status, String text) {

        public boolean answered() {
            return status > 0;
        }
    }

    @Resource private ManagedExecutorService executor;

    private HttpClient http;

    private Duration timeout;

    @PostConstruct
    void create() {
        timeout = Settings.duration(Settings.NOTIFICATION_TIMEOUT, Duration.ofSeconds(10));
        http =
                HttpClient.newBuilder()
                        .executor(executor)
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /** POSTs {@code json}; {@code signature}, if not null, goes in the signature header. */
    public Answer post(NotificationEndpoint endpoint, String json, String signature) {
        HttpRequest request;
        try {
            var builder =
                    HttpRequest.newBuilder(URI.create(endpoint.url()))
                            .timeout(timeout)
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .header(
                                    "User-Agent",
                                    "Signet notifications/" + NotificationPayload.VERSION)
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            json, StandardCharsets.UTF_8));
            endpoint.headers().forEach(builder::header);
            if (signature != null) {
                builder.header(NotificationSignature.HEADER, signature);
            }
            if (endpoint.hasBasicAuthentication()) {
                builder.header("Authorization", basic(endpoint));
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return new Answer(0, "not a usable endpoint: " + e.getMessage());
        }

        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), "HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Answer(0, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    private static String basic(NotificationEndpoint endpoint) {
        var credentials =
                CharBuffer.allocate(endpoint.user().length() + 1 + endpoint.password().length);
        credentials.put(endpoint.user()).put(':').put(endpoint.password()).flip();
        var bytes = StandardCharsets.UTF_8.encode(credentials);
        var raw = new byte[bytes.remaining()];
        bytes.get(raw);
        return "Basic " + Base64.getEncoder().encodeToString(raw);
    }
}
