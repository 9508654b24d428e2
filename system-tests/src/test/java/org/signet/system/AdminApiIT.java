package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.ADMIN_PASSWORD;
import static org.signet.system.SignetClient.jobRequest;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administration API: customers, technical accounts and console users. */
class AdminApiIT {

    private final SignetClient signet = new SignetClient();

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void onlyAdministratorsReachTheAdministrationApi() {
        var account = signet.newAccount(false, false);
        var user = createUser(account.customerNo(), "viewer-" + System.nanoTime());

        var anonymous = signet.get("/rest/v1/admin/customers", null, null);
        var technical = signet.get("/rest/v1/admin/customers", account.id(), account.password());
        var customerUser =
                signet.get(
                        "/rest/v1/admin/customers",
                        user.getString("username"),
                        user.getString("password"));
        var administrator = signet.get("/rest/v1/admin/customers", "admin", ADMIN_PASSWORD);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(technical.statusCode()).isEqualTo(401);
        assertThat(customerUser.statusCode()).isEqualTo(403);
        assertThat(administrator.statusCode()).isEqualTo(200);
        assertThat(administrator.body()).contains(account.customerNo());
    }

    @Test
    void customerSelfServicePkiIsSwitchedOnWithPatch() {
        var account = signet.newAccount(false, false);
        var path = "/rest/v1/admin/customers/" + account.customerNo();

        var patched =
                signet.send("PATCH", path, "admin", ADMIN_PASSWORD, "{\"selfServicePki\": true}");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).getBoolean("selfServicePki")).isTrue();
        assertThat(json(signet.get(path, "admin", ADMIN_PASSWORD)).getString("name"))
                .isEqualTo("Test customer");
        assertThat(
                        signet.get("/rest/v1/certificates", account.id(), account.password())
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void disabledAccountIsRefusedWith403AndWorksAgainOnceActive() {
        var account = signet.newAccount(false, false);
        var path = "/rest/v1/admin/accounts/" + account.id();

        assertThat(
                        signet.send(
                                        "PATCH",
                                        path,
                                        "admin",
                                        ADMIN_PASSWORD,
                                        "{\"status\": \"DISABLED\"}")
                                .statusCode())
                .isEqualTo(200);
        var refused = signet.submitJob(account, jobRequest("a@example.com", null, "b@example.com"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(Database.jobsOfAccount(account.id())).isZero();

        signet.send("PATCH", path, "admin", ADMIN_PASSWORD, "{\"status\": \"ACTIVE\"}");
        assertThat(
                        signet.submitJob(
                                        account, jobRequest("a@example.com", null, "b@example.com"))
                                .statusCode())
                .isEqualTo(202);
    }

    @Test
    void signingSettingsChangeWhatAJobMayAskFor() {
        var account = signet.newAccount(true, false);
        var path = "/rest/v1/admin/accounts/" + account.id();

        var patched =
                signet.send(
                        "PATCH",
                        path,
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"messageSigning\": {\"active\": false}, \"notificationEndpoint\":"
                                + " \"http://127.0.0.1:9/signet\"}");

        var view = json(patched);
        assertThat(view.getJsonObject("messageSigning").getBoolean("active")).isFalse();
        assertThat(view.getJsonObject("messageSigning").getBoolean("defaultActive")).isFalse();
        assertThat(view.getString("notificationEndpoint")).isEqualTo("http://127.0.0.1:9/signet");
        assertThat(
                        signet.submitJob(
                                        account, jobRequest("a@example.com", true, "b@example.com"))
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void credentialResetAnswersANewPasswordOnceAndTheOldOneStopsWorking() {
        var account = signet.newAccount(false, false);

        var reset =
                signet.send(
                        "POST",
                        "/rest/v1/admin/accounts/" + account.id() + "/credentials",
                        "admin",
                        ADMIN_PASSWORD,
                        null);

        assertThat(reset.statusCode()).isEqualTo(200);
        var newPassword = json(reset).getString("password");
        assertThat(newPassword).hasSize(24).isNotEqualTo(account.password());
        assertThat(signet.job(account, "any").statusCode()).isEqualTo(401);
        var renewed = new SignetClient.Account(account.customerNo(), account.id(), newPassword);
        assertThat(
                        signet.submitJob(
                                        renewed, jobRequest("a@example.com", null, "b@example.com"))
                                .statusCode())
                .isEqualTo(202);
        assertThat(
                        signet.get(
                                        "/rest/v1/admin/accounts/" + account.id(),
                                        "admin",
                                        ADMIN_PASSWORD)
                                .body())
                .doesNotContain(newPassword);
    }

    @Test
    void consoleUsersAreCreatedOnceAndListedWithoutPasswords() {
        var account = signet.newAccount(false, false);
        var username = "operator-" + System.nanoTime();

        var created = createUser(account.customerNo(), username);
        var duplicate =
                signet.send(
                        "POST",
                        "/rest/v1/admin/customers/" + account.customerNo() + "/users",
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"username\": \"" + username + "\"}");
        var listed =
                signet.get(
                        "/rest/v1/admin/customers/" + account.customerNo() + "/users",
                        "admin",
                        ADMIN_PASSWORD);

        assertThat(created.getString("role")).isEqualTo("CUSTOMER_USER");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(listed.body()).contains(username).doesNotContain(created.getString("password"));
    }

    @Test
    void invalidChangesNameTheFieldAtFault() {
        var account = signet.newAccount(false, false);

        var response =
                signet.send(
                        "PATCH",
                        "/rest/v1/admin/accounts/" + account.id(),
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"notificationEndpoint\": \"ftp://nowhere\"}");
        var unknown =
                signet.send(
                        "PATCH",
                        "/rest/v1/admin/accounts/acc-none",
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"status\": \"LOCKED\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("field"))
                .containsExactly("notificationEndpoint");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private JsonObject createUser(String customerNo, String username) {
        var response =
                signet.send(
                        "POST",
                        "/rest/v1/admin/customers/" + customerNo + "/users",
                        "admin",
                        ADMIN_PASSWORD,
                        "{\"username\": \"" + username + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }
}
