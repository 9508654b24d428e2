package org.signet.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date before anything else touches it: every other startup bean
 * depends on this one. The same versioned migrations run on H2 and PostgreSQL.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/signet")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        var flyway =
                Flyway.configure(SchemaMigration.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load();

        var result = flyway.migrate();

        var current = flyway.info().current();
        LOG.log(
                Level.INFO,
                "Database schema at version {0} ({1} migrations applied now)",
                new Object[] {
                    current == null ? "none" : current.getVersion(), result.migrationsExecuted
                });
    }
}
