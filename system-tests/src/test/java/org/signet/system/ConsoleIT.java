package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's form login and recent-jobs page, driven as a browser drives them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return Deployments.signetEar();
    }

    private final SignetClient signet = new SignetClient();
    private final HttpClient browser =
            HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void consolePageRedirectsToLoginWhenNotSignedIn() throws Exception {
        var response = get("/console/jobs.xhtml");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login.xhtml"));
    }

    @Test
    void administratorSignsInAndSeesTheNewestJob() throws Exception {
        var account = signet.newAccount(false, false);
        var jobId =
                json(signet.submitJob(account, jobRequest("a@example.com", null, "b@example.com")))
                        .getString("jobId");

        var afterLogin = login("admin", SignetClient.ADMIN_PASSWORD);

        assertThat(afterLogin.statusCode()).isEqualTo(302);
        assertThat(afterLogin.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).endsWith("/console/jobs.xhtml"));
        var page = get("/console/jobs.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Recent jobs", jobId, account.id(), "admin");
    }

    @Test
    void wrongPasswordKeepsTheLoginPageWithAMessage() throws Exception {
        var response = login("admin", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Wrong user name or password.");
        assertThat(get("/console/jobs.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void technicalAccountCannotSignInToTheConsole() throws Exception {
        var account = signet.newAccount(false, false);

        var response = login(account.id(), account.password());

        assertThat(response.body()).contains("Wrong user name or password.");
    }

    private HttpResponse<String> login(String username, String password) throws Exception {
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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(SignetClient.BASE_URL + path)).build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields)
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
