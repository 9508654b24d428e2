package org.signet.platform;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells an outage of something Signet depends on from a fault of the request or of Signet. */
public final class Outages {

    private Outages() {}

    /**
     * Whether {@code failure} was caused by a database that cannot be reached: a connection
     * refused, lost or not handed out by the pool (SQLState class 08, or the connector's own
     * error).
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (var cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof ResourceException) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 08 (SQL standard), or H2's "connection broken" (90067). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("90067"));
    }

    private static Throwable next(Throwable cause) {
        var next = cause.getCause();
        if (next == null && cause instanceof SQLException sql) {
            next = sql.getNextException();
        }
        return next == cause ? null : next;
    }
}
