package org.signet.mailconnector.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP listener: SubEthaSMTP with STARTTLS required before AUTH, AUTH required before MAIL, and
 * the adapter's limits. SubEthaSMTP accepts connections on a thread of its own; each session runs
 * on the executor it is given.
 */
final class SmtpListenerServer {

    private static final Logger LOG = Logger.getLogger(SmtpListenerServer.class.getName());

    private final SMTPServer server;
    private final ExecutorService sessions;
    private final ListenerSettings settings;

    SmtpListenerServer(
            ListenerSettings settings, ListenerEndpoint listener, ExecutorService sessions) {
        this.settings = settings;
        this.sessions = sessions;
        var limits =
                new DataLimits(
                        settings.maxMessageBytes(),
                        settings.maxHeaderBytes(),
                        settings.maxLineBytes());
        server =
                SMTPServer.port(settings.port())
                        .bindAddress(settings.bindAddress())
                        .hostName(settings.hostName())
                        .softwareName("Signet")
                        .executorService(sessions)
                        .maxConnections(settings.maxSessions())
                        .maxRecipients(settings.maxRecipients())
                        // advertised in EHLO; DataLimits enforces it whatever the client says
                        .maxMessageSize(
                                (int) Math.min(Integer.MAX_VALUE, settings.maxMessageBytes()))
                        .connectionTimeout(settings.sessionTimeoutSeconds(), TimeUnit.SECONDS)
                        .insertReceivedHeaders(false)
                        .startTlsSocketFactory(tls(settings))
                        .enableTLS()
                        .requireTLS()
                        .showAuthCapabilitiesBeforeSTARTTLS(false)
                        .authenticationHandlerFactory(new PlainAndLoginAuthentication(listener))
                        .requireAuth()
                        .messageHandlerFactory(
                                context -> new SmtpTransaction(context, listener, limits))
                        .build();
    }

    void start() {
        server.start();
        LOG.log(Level.INFO, "SMTP adapter listening: {0}", settings);
    }

    void stop() {
        server.stop();
        sessions.shutdown();
        LOG.log(Level.INFO, "SMTP adapter on port {0} stopped", settings.port());
    }

    int port() {
        return server.getPortAllocated();
    }

    private static SSLContext tls(ListenerSettings settings) {
        try (InputStream in = Files.newInputStream(settings.tlsKeyStore())) {
            var keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, settings.tlsKeyStorePassword());
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, settings.tlsKeyStorePassword());
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot read the TLS key store " + settings.tlsKeyStore(), e);
        }
    }
}
