package org.signet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signet.system.SignetClient.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Certificate import, listing and deletion over HTTP, self-service and by administrators. */
class CertificateApiIT {

    private static OpensslPki ca;

    private final SignetClient signet = new SignetClient();

    @BeforeAll
    static void customerCa() {
        ca = new OpensslPki();
    }

    @BeforeEach
    void signetIsReady() {
        signet.awaitReady();
    }

    @Test
    void accountWithSelfServiceImportsListsShowsAndDeletesItsCertificate() throws Exception {
        var account = signet.newAccount(true, true, true);
        var issued = ca.issue("Sales@Example.com", "p12-secret");

        var created = upload(account, issued);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var summary = json(created);
        var id = summary.getJsonNumber("id").longValue();
        assertThat(summary.getJsonArray("senderAddresses").getString(0))
                .isEqualTo("sales@example.com");
        assertThat(summary.getString("keyAlgorithm")).isEqualTo("EC P-256");
        assertThat(summary.getString("status")).isEqualTo("EXPIRING");
        assertThat(summary.getString("issuer")).contains("Signet test root");
        assertThat(summary.getString("sha256Fingerprint")).matches("[0-9a-f]{64}");
        assertThat(created.body()).doesNotContainIgnoringCase("private");

        var list = signet.get("/rest/v1/certificates", account.id(), account.password());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(summary.getString("sha256Fingerprint"));
        var one = signet.get("/rest/v1/certificates/" + id, account.id(), account.password());
        assertThat(json(one).getString("serial")).isEqualTo(summary.getString("serial"));

        var deleted =
                signet.send(
                        "DELETE",
                        "/rest/v1/certificates/" + id,
                        account.id(),
                        account.password(),
                        null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(
                        signet.get("/rest/v1/certificates/" + id, account.id(), account.password())
                                .statusCode())
                .isEqualTo(404);
    }

    @Test
    void storedCertificateRowHoldsNoPlaintextKey() throws Exception {
        var account = signet.newAccount(true, true, true);
        var issued = ca.issue("vault@example.com", "p12-secret");

        assertThat(upload(account, issued).statusCode()).isEqualTo(201);

        var key = issued.privateKeyPkcs8();
        var keyHex = HexFormat.of().formatHex(key);
        var keyBase64 = Base64.getEncoder().encodeToString(key);
        var row = Database.certificateRowsOfCustomer(account.customerNo());
        assertThat(row).isNotEmpty();
        for (var value : row) {
            assertThat(value).doesNotContain(keyBase64.substring(0, 40));
            assertThat(value.toLowerCase()).doesNotContain(keyHex.substring(0, 60));
            assertThat(value).doesNotContain("PRIVATE KEY");
            decodedBase64(value)
                    .ifPresent(
                            bytes ->
                                    assertThat(HexFormat.of().formatHex(bytes))
                                            .doesNotContain(keyHex.substring(0, 60)));
        }
    }

    @Test
    void customerCannotSeeOrDeleteAnotherCustomersCertificate() throws Exception {
        var owner = signet.newAccount(true, true, true);
        var stranger = signet.newAccount(true, true, true);
        var id =
                json(upload(owner, ca.issue("owner@example.com", "pw-owner")))
                        .getJsonNumber("id")
                        .longValue();

        var seen = signet.get("/rest/v1/certificates/" + id, stranger.id(), stranger.password());
        var deleted =
                signet.send(
                        "DELETE",
                        "/rest/v1/certificates/" + id,
                        stranger.id(),
                        stranger.password(),
                        null);
        var listed = signet.get("/rest/v1/certificates", stranger.id(), stranger.password());

        assertThat(seen.statusCode()).isEqualTo(404);
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(listed.body()).isEqualTo("[]");
        assertThat(
                        signet.get("/rest/v1/certificates/" + id, owner.id(), owner.password())
                                .statusCode())
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordIsRefusedWithTheFieldAtFault() throws Exception {
        var account = signet.newAccount(true, true, true);
        var issued = ca.issue("wrong@example.com", "right-password");

        var response =
                signet.upload(
                        "/rest/v1/certificates",
                        account.id(),
                        account.password(),
                        Files.readAllBytes(issued.pkcs12()),
                        "not-the-password");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        var problem = json(response);
        assertThat(problem.getString("type")).endsWith("certificate-refused/wrong_password");
        assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("field"))
                .containsExactly("password");
        assertThat(response.body()).doesNotContain("not-the-password");
    }

    @Test
    void selfServiceIsRefusedUnlessTheCustomerHasItButAdministratorsMayImport() throws Exception {
        var account = signet.newAccount(true, true, false);
        var issued = ca.issue("managed@example.com", "pw-managed");
        var file = Files.readAllBytes(issued.pkcs12());

        var selfService =
                signet.upload(
                        "/rest/v1/certificates",
                        account.id(),
                        account.password(),
                        file,
                        issued.password());
        var byAdministrator =
                signet.upload(
                        "/rest/v1/admin/customers/" + account.customerNo() + "/certificates",
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        file,
                        issued.password());

        assertThat(selfService.statusCode()).isEqualTo(403);
        assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(201);
        var listed =
                signet.get(
                        "/rest/v1/admin/customers/" + account.customerNo() + "/certificates",
                        "admin",
                        SignetClient.ADMIN_PASSWORD);
        assertThat(listed.body()).contains("managed@example.com");
    }

    @Test
    void masterKeyRotationResealsEveryStoredKeyUnderTheNewMasterKey() throws Exception {
        var account = signet.newAccount(true, true, true);
        var uploaded = upload(account, ca.issue("rotate@example.com", "pw-rotate"));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        var fingerprint = json(uploaded).getString("sha256Fingerprint");

        var newKey = masterKeyFile("add").replaceAll("(?s).*Current master key now (\\S+).*", "$1");
        var rotation =
                signet.send(
                        "POST",
                        "/rest/v1/admin/pki/master-key-rotation",
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        null);

        assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
        assertThat(json(rotation).getInt("resealed")).isPositive();
        assertThat(json(rotation).getJsonArray("unopened").toString()).doesNotContain(fingerprint);
        assertThat(Database.masterKeyIdOf(fingerprint)).isEqualTo(newKey);
        assertThat(Database.masterKeyIdsOfOpenableKeys()).containsExactly(newKey);
        var again =
                signet.send(
                        "POST",
                        "/rest/v1/admin/pki/master-key-rotation",
                        "admin",
                        SignetClient.ADMIN_PASSWORD,
                        null);
        assertThat(json(again).getInt("resealed")).isZero();
    }

    @Test
    void rotationLeavesAKeyThatDoesNotOpenAsItIsAndNamesItsCertificate() throws Exception {
        var account = signet.newAccount(true, true, true);
        var uploaded = upload(account, ca.issue("damaged-rotation@example.com", "pw-damaged"));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        var fingerprint = json(uploaded).getString("sha256Fingerprint");
        assertThat(Database.damageSealedKeysOfCustomer(account.customerNo())).isEqualTo(1);

        try {
            var newKey =
                    masterKeyFile("add").replaceAll("(?s).*Current master key now (\\S+).*", "$1");
            var rotation =
                    signet.send(
                            "POST",
                            "/rest/v1/admin/pki/master-key-rotation",
                            "admin",
                            SignetClient.ADMIN_PASSWORD,
                            null);

            assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
            assertThat(json(rotation).getJsonArray("unopened").getValuesAs(JsonString.class))
                    .extracting(JsonString::getString)
                    .contains(fingerprint);
            assertThat(Database.masterKeyIdOf(fingerprint)).isNotEqualTo(newKey);
        } finally {
            var id = json(uploaded).getJsonNumber("id").longValue();
            assertThat(
                            signet.send(
                                            "DELETE",
                                            "/rest/v1/certificates/" + id,
                                            account.id(),
                                            account.password(),
                                            null)
                                    .statusCode())
                    .isEqualTo(204);
        }
    }

    /** Runs the master key file tool on the test runtime's key file, as an operator would. */
    private static String masterKeyFile(String command) throws Exception {
        var keyFile =
                java.nio.file.Path.of(System.getProperty("signet.home"), "secrets", "master.keys");
        var process =
                new ProcessBuilder(
                                "java",
                                "-cp",
                                System.getProperty("signet.ejb.jar"),
                                "org.signet.pki.MasterKeyFile",
                                command,
                                keyFile.toString())
                        .redirectErrorStream(true)
                        .start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private java.net.http.HttpResponse<String> upload(
            SignetClient.Account account, OpensslPki.Issued issued) throws Exception {
        return signet.upload(
                "/rest/v1/certificates",
                account.id(),
                account.password(),
                Files.readAllBytes(issued.pkcs12()),
                issued.password());
    }

    private static java.util.Optional<byte[]> decodedBase64(String value) {
        try {
            return java.util.Optional.of(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
