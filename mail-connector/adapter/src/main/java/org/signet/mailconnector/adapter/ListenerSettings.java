package org.signet.mailconnector.adapter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SMTP listener's settings, from the resource adapter's configuration properties, checked once
 * before the listener opens its port, so that a wrong value stops the deployment with its name.
 */
record ListenerSettings(
        InetAddress bindAddress,
        int port,
        String hostName,
        Path tlsKeyStore,
        char[] tlsKeyStorePassword,
        long maxMessageBytes,
        int maxHeaderBytes,
        int maxLineBytes,
        int maxRecipients,
        int maxSessions,
        int sessionTimeoutSeconds) {

    static ListenerSettings of(SmtpResourceAdapter adapter) {
        requireRange("Port", adapter.getPort(), 1, 65535);
        requireRange("MaxHeaderBytes", adapter.getMaxHeaderBytes(), 1024, 16 * 1024 * 1024);
        requireRange("MaxLineBytes", adapter.getMaxLineBytes(), 78, 1024 * 1024);
        requireRange("MaxRecipients", adapter.getMaxRecipients(), 1, 100_000);
        requireRange("MaxSessions", adapter.getMaxSessions(), 1, 10_000);
        requireRange("SessionTimeoutSeconds", adapter.getSessionTimeoutSeconds(), 1, 3600);
        if (adapter.getMaxMessageBytes() < 1024) {
            throw new IllegalArgumentException("MaxMessageBytes must be at least 1024");
        }
        var keyStore = requireFile("TlsKeyStore", adapter.getTlsKeyStore());
        var passwordFile =
                requireFile("TlsKeyStorePasswordFile", adapter.getTlsKeyStorePasswordFile());

        return new ListenerSettings(
                address(adapter.getBindAddress()),
                adapter.getPort(),
                adapter.getHostName(),
                keyStore,
                password(passwordFile),
                adapter.getMaxMessageBytes(),
                adapter.getMaxHeaderBytes(),
                adapter.getMaxLineBytes(),
                adapter.getMaxRecipients(),
                adapter.getMaxSessions(),
                adapter.getSessionTimeoutSeconds());
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private static Path requireFile(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: STARTTLS needs it");
        }
        var path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(name + " " + path + " cannot be read");
        }
        return path;
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value == null || value.isBlank() ? "0.0.0.0" : value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("BindAddress " + value + " is not an address", e);
        }
    }

    private static char[] password(Path file) {
        try {
            return Files.readString(file).strip().toCharArray();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the key store password file " + file, e);
        }
    }

    @Override
    public String toString() {
        // never the password
        return "port "
                + port
                + " on "
                + bindAddress.getHostAddress()
                + ", messages up to "
                + maxMessageBytes
                + " bytes, header "
                + maxHeaderBytes
                + ", lines "
                + maxLineBytes
                + ", "
                + maxRecipients
                + " recipients, "
                + maxSessions
                + " sessions, timeout "
                + sessionTimeoutSeconds
                + " s";
    }
}
