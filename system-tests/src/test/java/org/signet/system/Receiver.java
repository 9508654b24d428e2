package org.signet.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A real HTTP receiver of push notifications on the loopback address: it keeps every request it
 * gets (headers and body) per path, and answers each as its path's rule says.
 */
final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    record Request(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Request>> received = new ConcurrentHashMap<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /**
     * Serves {@code path}: {@code answer} gets the requests so far on this path, the new one
     * included, and gives the status to answer, or a negative number of seconds to wait first
     * without answering (a receiver that hangs).
     */
    String serve(String path, ToIntFunction<List<Request>> answer) {
        var requests = received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
        server.createContext(
                path,
                exchange -> {
                    requests.add(read(exchange));
                    int status = answer.applyAsInt(requests);
                    if (status < 0) {
                        sleep(-status);
                        status = 200;
                    }
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    private static Request read(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Request(Map.copyOf(exchange.getRequestHeaders()), body);
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
