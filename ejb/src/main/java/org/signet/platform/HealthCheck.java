package org.signet.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Whether the two things Signet cannot work without answer: the database and the broker. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthCheck {

    private static final Logger LOG = Logger.getLogger(HealthCheck.class.getName());

    @Resource(lookup = "jdbc/signet")
    private DataSource dataSource;

    @Resource(lookup = "jms/signet/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/signet/JobsQueue")
    private Queue jobsQueue;

    public record Health(boolean database, boolean broker) {
        public boolean up() {
            return database && broker;
        }
    }

    public Health check() {
        return new Health(databaseAnswers(), brokerAnswers());
    }

    private boolean databaseAnswers() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Health: database does not answer", e);
            return false;
        }
    }

    /** Whether the broker hands out a connection and lets Signet browse its jobs queue. */
    public boolean brokerAnswers() {
        try (var context = connectionFactory.createContext();
                var browser = context.createBrowser(jobsQueue)) {
            browser.getEnumeration();
            return true;
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            LOG.log(Level.WARNING, "Health: broker does not answer", e);
            return false;
        }
    }
}
