package org.signet.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * Runs Signet's {@code broker.xml} as an embedded Artemis broker in its own process: the broker of
 * the default set-up. Production points Signet at an external Artemis instead.
 *
 * <p>Settings are system properties: {@code signet.broker.config} (path of broker.xml), {@code
 * signet.broker.data} (journal folder), {@code signet.broker.host} and {@code signet.broker.port};
 * the one account that may connect comes from the environment variables {@code SIGNET_BROKER_USER}
 * and {@code SIGNET_BROKER_PASSWORD}, so it never shows in a process list.
 */
public final class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    EmbeddedBroker(Path brokerXml, Path dataDir, SingleUserSecurityManager securityManager)
            throws Exception {
        System.setProperty("signet.broker.data", dataDir.toAbsolutePath().toString());
        var configuration = new FileConfiguration();
        var deployment = new FileDeploymentManager(brokerXml.toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        server.setConfiguration(configuration);
        server.setSecurityManager(securityManager);
    }

    void start() throws Exception {
        server.start();
        LOG.log(Level.INFO, "Signet broker is up");
    }

    void stop() throws Exception {
        server.stop();
        LOG.log(Level.INFO, "Signet broker stopped");
    }

    public static void main(String[] args) throws Exception {
        var brokerXml = Path.of(System.getProperty("signet.broker.config", "broker.xml"));
        var dataDir = Path.of(System.getProperty("signet.broker.data", "data"));
        if (!Files.isReadable(brokerXml)) {
            throw new IllegalStateException("broker configuration not readable: " + brokerXml);
        }
        Files.createDirectories(dataDir);
        var security =
                new SingleUserSecurityManager(
                        requiredEnv("SIGNET_BROKER_USER"), requiredEnv("SIGNET_BROKER_PASSWORD"));

        var broker = new EmbeddedBroker(brokerXml, dataDir, security);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        broker.stop();
                                    } catch (Exception e) {
                                        LOG.log(Level.WARNING, "Broker did not stop cleanly", e);
                                    } finally {
                                        stopped.countDown();
                                    }
                                },
                                "signet-broker-shutdown"));
        broker.start();
        stopped.await();
    }

    private static String requiredEnv(String name) {
        var value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
