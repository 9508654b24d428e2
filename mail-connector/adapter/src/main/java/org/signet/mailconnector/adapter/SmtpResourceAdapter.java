package org.signet.mailconnector.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The SMTP adapter: an inbound resource adapter whose one listener bean gets every sign-in and
 * every message of the SMTP listener, which opens its port when the bean is activated and closes it
 * when the bean goes. Its configuration properties (ra.xml) are set by the server's
 * resource-adapter configuration.
 */
public class SmtpResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(SmtpResourceAdapter.class.getName());

    private String bindAddress = "0.0.0.0";
    private int port = 2525;
    private String hostName = "localhost";
    private String tlsKeyStore;
    private String tlsKeyStorePasswordFile;
    private long maxMessageBytes = 20L * 1024 * 1024;
    private int maxHeaderBytes = 256 * 1024;
    private int maxLineBytes = 1000;
    private int maxRecipients = 1000;
    private int maxSessions = 64;
    private int sessionTimeoutSeconds = 120;

    private BootstrapContext bootstrap;
    private MessageEndpointFactory activeFactory;
    private SmtpListenerServer server;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrap = context;
        LOG.log(Level.INFO, "SMTP adapter deployed; it listens once its bean is activated");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        activeFactory = null;
    }

    @Override
    public synchronized void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
            throws ResourceException {
        if (!(spec instanceof SmtpActivationSpec)) {
            throw new NotSupportedException("not an activation of the SMTP adapter: " + spec);
        }
        if (activeFactory != null) {
            throw new NotSupportedException(
                    "the SMTP adapter serves one listener bean, and "
                            + activeFactory.getActivationName()
                            + " is active");
        }

        ListenerSettings settings;
        try {
            settings = ListenerSettings.of(this);
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("SMTP adapter: " + e.getMessage(), e);
        }
        var listener = new ListenerEndpoint(factory);
        var started =
                new SmtpListenerServer(
                        settings, listener, new WorkManagerExecutor(bootstrap.getWorkManager()));
        try {
            started.start();
        } catch (RuntimeException e) {
            throw new ResourceAdapterInternalException(
                    "SMTP adapter cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        server = started;
        activeFactory = factory;
    }

    @Override
    public synchronized void endpointDeactivation(
            MessageEndpointFactory factory, ActivationSpec spec) {
        if (factory != activeFactory) {
            return;
        }
        server.stop();
        server = null;
        activeFactory = null;
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        // messages are taken in by the bean's own transactions: nothing to recover
        return new XAResource[0];
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    public String getTlsKeyStore() {
        return tlsKeyStore;
    }

    public void setTlsKeyStore(String tlsKeyStore) {
        this.tlsKeyStore = tlsKeyStore;
    }

    public String getTlsKeyStorePasswordFile() {
        return tlsKeyStorePasswordFile;
    }

    public void setTlsKeyStorePasswordFile(String tlsKeyStorePasswordFile) {
        this.tlsKeyStorePasswordFile = tlsKeyStorePasswordFile;
    }

    public Long getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(Long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public Integer getMaxHeaderBytes() {
        return maxHeaderBytes;
    }

    public void setMaxHeaderBytes(Integer maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    public Integer getMaxLineBytes() {
        return maxLineBytes;
    }

    public void setMaxLineBytes(Integer maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public Integer getMaxRecipients() {
        return maxRecipients;
    }

    public void setMaxRecipients(Integer maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions;
    }

    public Integer getSessionTimeoutSeconds() {
        return sessionTimeoutSeconds;
    }

    public void setSessionTimeoutSeconds(Integer sessionTimeoutSeconds) {
        this.sessionTimeoutSeconds = sessionTimeoutSeconds;
    }
}
