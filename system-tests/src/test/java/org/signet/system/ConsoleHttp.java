package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, as a browser without scripts uses it: one cookie jar, no redirects.
 */
final class ConsoleHttp {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient browser =
            HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    /** Fills in and sends the login form; a 302 means signed in. */
    HttpResponse<String> login(String username, String password) throws Exception {
        var form = get("/login.xhtml");
        assertThat(form.statusCode()).isEqualTo(200);
        var viewState = VIEW_STATE.matcher(form.body());
        assertThat(viewState.find()).as("login form carries a view state").isTrue();

        var fields = new LinkedHashMap<String, String>();
        fields.put("login", "login");
        fields.put("login:username", username);
        fields.put("login:password", password);
        fields.put("login:submit", "Sign in");
        fields.put("jakarta.faces.ViewState", viewState.group(1));
        return post("/login.xhtml", fields);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(SignetClient.BASE_URL + path)).build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        var body =
                fields.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        var request =
                HttpRequest.newBuilder(URI.create(SignetClient.BASE_URL + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
