package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The PKI migration runs after the foundation on H2 (always) and on PostgreSQL (only when one
 * answers on 127.0.0.1:5432), and its constraints and cascades do what the PKI relies on.
 */
class PkiMigrationTest {

    private static final String POSTGRESQL =
            "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=2&socketTimeout=30";

    @Test
    void migrationsRunOnH2AndTheCertificateTablesBehave() throws SQLException {
        var url = "jdbc:h2:mem:pki-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        var flyway = flyway(url, "sa", "").load();

        var result = flyway.migrate();

        assertThat(result.migrationsExecuted)
                .isEqualTo(flyway.info().all().length)
                .isGreaterThanOrEqualTo(2);
        assertThat(flyway.info().pending()).isEmpty();
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            certificateTablesBehave(connection);
        }
    }

    @Test
    void migrationsRunOnPostgresqlWhenItAnswers() throws SQLException {
        assumeTrue(postgresqlAnswers(), "no PostgreSQL on 127.0.0.1:5432: not checked there");
        var schema = "pki_migration_" + UUID.randomUUID().toString().replace("-", "");

        try {
            flyway(POSTGRESQL, "postgres", "").schemas(schema).createSchemas(true).load().migrate();
            try (var connection =
                    DriverManager.getConnection(
                            POSTGRESQL + "&currentSchema=" + schema, "postgres", "")) {
                certificateTablesBehave(connection);
            }
        } finally {
            try (var connection = DriverManager.getConnection(POSTGRESQL, "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, String user, String password) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .cleanDisabled(true);
    }

    private static void certificateTablesBehave(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            statement.execute(customer(50));
            statement.execute(customer(100));
            statement.execute(certificate(50, 50, "aa"));
            statement.execute(certificate(100, 100, "aa"));
            statement.execute(address(50, "alice@example.com"));
            statement.execute(address(50, "billing@example.com"));
            statement.execute(address(100, "alice@example.com"));

            assertThat(certificatesOf(connection, 50, "alice@example.com")).isEqualTo(1);

            assertThatThrownBy(() -> statement.execute(certificate(150, 50, "aa")))
                    .as("one fingerprint once per customer")
                    .isInstanceOf(SQLException.class);

            statement.execute("DELETE FROM certificate WHERE id = 50");
            assertThat(certificatesOf(connection, 50, "alice@example.com")).isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM certificate_address")).isEqualTo(1);
        }
    }

    private static long certificatesOf(Connection connection, long customerId, String address)
            throws SQLException {
        return count(
                connection,
                "SELECT COUNT(*) FROM certificate c JOIN certificate_address a"
                        + " ON a.certificate_id = c.id WHERE c.customer_id = "
                        + customerId
                        + " AND a.address = '"
                        + address
                        + "'");
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String customer(long id) {
        return "INSERT INTO customer (id, customer_no, name, self_service_pki, created_at, version)"
                + " VALUES (%d, 'C%06d', 'Example Corp', TRUE, CURRENT_TIMESTAMP, 0)"
                        .formatted(id, id);
    }

    private static String certificate(long id, long customerId, String fingerprintByte) {
        return ("INSERT INTO certificate (id, customer_id, fingerprint, subject, issuer, serial,"
                        + " not_before, not_after, key_algorithm, chain_pem, sealed_key,"
                        + " master_key_id, created_at, version) VALUES (%d, %d, '%s', 'CN=Alice',"
                        + " 'CN=CA', '1f', TIMESTAMP '2025-01-01 00:00:00',"
                        + " TIMESTAMP '2026-01-01 00:00:00', 'RSA 2048', '-----BEGIN"
                        + " CERTIFICATE-----', 'c2VhbGVk', 'mk-1', CURRENT_TIMESTAMP, 0)")
                .formatted(id, customerId, fingerprintByte.repeat(32));
    }

    private static String address(long certificateId, String address) {
        return "INSERT INTO certificate_address (certificate_id, address) VALUES (%d, '%s')"
                .formatted(certificateId, address);
    }

    private static boolean postgresqlAnswers() {
        try (var connection = DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
