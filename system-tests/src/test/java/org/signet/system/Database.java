package org.signet.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Reads Signet's H2 database directly, to see what a request did or did not store. */
final class Database {

    private Database() {}

    static long jobsOfAccount(String accountId) {
        var url = System.getProperty("signet.jdbc.url");
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement =
                        connection.prepareStatement(
                                "SELECT COUNT(*) FROM job WHERE account_id = ?")) {
            statement.setString(1, accountId);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    /** Every column of the customer's stored certificates, as text. */
    static java.util.List<String> certificateRowsOfCustomer(String customerNo) {
        var url = System.getProperty("signet.jdbc.url");
        var sql =
                "SELECT c.* FROM certificate c JOIN customer k ON k.id = c.customer_id"
                        + " WHERE k.customer_no = ?";
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, customerNo);
            var values = new java.util.ArrayList<String>();
            try (var result = statement.executeQuery()) {
                var columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int i = 1; i <= columns; i++) {
                        values.add(String.valueOf(result.getString(i)));
                    }
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    /** What {@link #damageSealedKeysOfCustomer} writes over a sealed key. */
    private static final String DAMAGED_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    /**
     * The master key ids that stored private keys are sealed under, leaving out keys that a test
     * damaged on purpose (those stay under their old master key).
     */
    static java.util.Set<String> masterKeyIdsOfOpenableKeys() {
        var url = System.getProperty("signet.jdbc.url");
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement =
                        connection.prepareStatement(
                                "SELECT DISTINCT master_key_id FROM certificate"
                                        + " WHERE sealed_key NOT LIKE '"
                                        + DAMAGED_KEY
                                        + "'");
                var result = statement.executeQuery()) {
            var ids = new java.util.TreeSet<String>();
            while (result.next()) {
                ids.add(result.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    /** The outgoing MIME stored for the first mail of a job, or null before it is composed. */
    static String mimeOfFirstMail(String jobId) {
        var url = System.getProperty("signet.jdbc.url");
        var sql = "SELECT mime FROM mail WHERE job_id = ? AND position = 0";
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, jobId);
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    /** The stored request JSON and sealed notification secret of a job. */
    static java.util.List<String> jobRow(String jobId) {
        var url = System.getProperty("signet.jdbc.url");
        var sql = "SELECT request_json, notification_secret FROM job WHERE id = ?";
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, jobId);
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    return java.util.List.of();
                }
                return java.util.Arrays.asList(result.getString(1), result.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    /**
     * Replaces the sealed private keys of a customer's certificates with a ciphertext that no
     * master key opens, as a damaged row would look.
     */
    /** The master key id that the certificate's private key is sealed under. */
    static String masterKeyIdOf(String fingerprint) {
        var url = System.getProperty("signet.jdbc.url");
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement =
                        connection.prepareStatement(
                                "SELECT master_key_id FROM certificate WHERE fingerprint = ?")) {
            statement.setString(1, fingerprint);
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no certificate " + fingerprint);
                }
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    static int damageSealedKeysOfCustomer(String customerNo) {
        var url = System.getProperty("signet.jdbc.url");
        var sql =
                "UPDATE certificate SET sealed_key = '"
                        + DAMAGED_KEY
                        + "'"
                        + " WHERE customer_id = (SELECT id FROM customer WHERE customer_no = ?)";
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, customerNo);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the database", e);
        }
    }

    /** Status and attempts of each push of the job's events, by the event's subType. */
    static java.util.Map<String, String> notificationsOfJob(String jobId) {
        var url = System.getProperty("signet.jdbc.url");
        var sql =
                "SELECT e.sub_type, n.status, n.attempts FROM notification_delivery n"
                        + " JOIN tracking_event e ON e.id = n.event_id WHERE n.job_id = ?";
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, jobId);
            var pushes = new java.util.TreeMap<String, String>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    pushes.put(result.getString(1), result.getString(2) + "/" + result.getInt(3));
                }
            }
            return pushes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    /** Mails of the account that have no final event yet. */
    static long mailsNotFinished(String accountId) {
        return count(
                "SELECT COUNT(*) FROM mail m JOIN job j ON j.id = m.job_id"
                        + " WHERE j.account_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM tracking_event e WHERE e.mail_id = m.id"
                        + " AND e.state = 'FINISHED')",
                accountId);
    }

    private static long count(String sql, String parameter) {
        var url = System.getProperty("signet.jdbc.url");
        try (var connection = DriverManager.getConnection(url, "signet", password());
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database", e);
        }
    }

    /** Mails of the account that are composed but have no final event: on their way out. */
    static long mailsOnTheirWayOut(String accountId) {
        return count(
                "SELECT COUNT(*) FROM mail m JOIN job j ON j.id = m.job_id"
                        + " WHERE j.account_id = ? AND m.mime IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM tracking_event e WHERE e.mail_id = m.id"
                        + " AND e.state = 'FINISHED')",
                accountId);
    }

    private static String password() {
        try {
            return Files.readString(
                    Path.of(System.getProperty("signet.home"), "secrets", "db.password"));
        } catch (IOException e) {
            throw new IllegalStateException("no database password in the test home", e);
        }
    }
}
