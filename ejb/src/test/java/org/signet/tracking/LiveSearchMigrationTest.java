package org.signet.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Migration V11 gives the mails and events already stored their lower-case search copies, on H2
 * (always) and on PostgreSQL (when one answers on 127.0.0.1:5432), and refuses a mail without.
 */
class LiveSearchMigrationTest {

    private static final String POSTGRESQL =
            "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=2&socketTimeout=30";

    @Test
    void storedMailsBecomeSearchableOnH2() throws SQLException {
        var url = "jdbc:h2:mem:live-search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateAroundMixedCaseMail(url, "sa", null);
    }

    @Test
    void storedMailsBecomeSearchableOnPostgresqlWhenItAnswers() throws SQLException {
        assumeTrue(postgresqlAnswers(), "no PostgreSQL on 127.0.0.1:5432: not checked there");
        var schema = "live_search_" + UUID.randomUUID().toString().replace("-", "");
        try {
            migrateAroundMixedCaseMail(POSTGRESQL, "postgres", schema);
        } finally {
            try (var connection = DriverManager.getConnection(POSTGRESQL, "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void migrateAroundMixedCaseMail(String url, String user, String schema)
            throws SQLException {
        var before = flyway(url, user, schema).target(MigrationVersion.fromVersion("10")).load();
        before.migrate();
        var connectionUrl = schema == null ? url : url + "&currentSchema=" + schema;
        try (var connection = DriverManager.getConnection(connectionUrl, user, "")) {
            insertMixedCaseMail(connection);
        }

        flyway(url, user, schema).load().migrate();

        try (var connection = DriverManager.getConnection(connectionUrl, user, "");
                var statement = connection.createStatement();
                var rows =
                        statement.executeQuery(
                                "SELECT e.search_sender, m.search_recipient, m.reference FROM"
                                        + " tracking_event e JOIN mail m ON m.id = e.mail_id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("billing@example.com");
            assertThat(rows.getString(2)).isEqualTo("alice@example.org");
            assertThat(rows.getString(3)).isNull();
            assertThat(rows.next()).isFalse();
            var withoutCopies =
                    org.assertj.core.api.Assertions.catchThrowable(
                            () ->
                                    statement.execute(
                                            "INSERT INTO mail (id, job_id, position, email,"
                                                    + " envelope_from, signing) VALUES ('m2',"
                                                    + " 'j1', 1, 'b@example.org',"
                                                    + " 'a@example.com', 'SIGN')"));
            assertThat(withoutCopies)
                    .as("search copies are required")
                    .isInstanceOf(SQLException.class);
        }
    }

    private static void insertMixedCaseMail(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO customer (id, customer_no, name, self_service_pki, created_at,"
                            + " version) VALUES (50, 'C000050', 'Example', FALSE,"
                            + " CURRENT_TIMESTAMP, 0)");
            statement.execute(
                    "INSERT INTO technical_account (id, customer_id, status, password_hash,"
                            + " signing_active, signing_default_active, created_at, version)"
                            + " VALUES ('acc', 50, 'ACTIVE', 'x', TRUE, TRUE, CURRENT_TIMESTAMP,"
                            + " 0)");
            statement.execute(
                    "INSERT INTO job (id, customer_id, account_id, received_at, signing,"
                            + " request_json) VALUES ('j1', 50, 'acc', CURRENT_TIMESTAMP,"
                            + " 'SIGN', '{}')");
            statement.execute(
                    "INSERT INTO mail (id, job_id, position, email, envelope_from, signing)"
                            + " VALUES ('m1', 'j1', 0, 'Alice@Example.ORG',"
                            + " 'Billing@EXAMPLE.com', 'SIGN')");
            statement.execute(
                    "INSERT INTO tracking_event (id, mail_id, job_id, customer_id, phase, state,"
                            + " type, sub_type, occurred_at) VALUES (50, 'm1', 'j1', 50, 'PROCESS',"
                            + " 'INITIAL', 'STARTED', 'PROCESSING_STARTED', CURRENT_TIMESTAMP)");
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            String url, String user, String schema) {
        var configuration =
                Flyway.configure()
                        .dataSource(url, user, "")
                        .locations("classpath:db/migration")
                        .cleanDisabled(true);
        return schema == null ? configuration : configuration.schemas(schema).createSchemas(true);
    }

    private static boolean postgresqlAnswers() {
        try (var connection = DriverManager.getConnection(POSTGRESQL, "postgres", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
