package org.signet.platform;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Names and defaults of Signet's settings. Values come from MicroProfile Config, so an operator
 * sets them as system properties of the server (server-config does) or as environment variables.
 */
public final class Settings {

    /** How often the outbox sweep looks for messages the broker never received. */
    public static final String OUTBOX_SWEEP_INTERVAL = "signet.outbox.sweep-interval";

    /** How old an unsent outbox row must be before the sweep re-sends it. */
    public static final String OUTBOX_RESEND_AFTER = "signet.outbox.resend-after";

    /** File with the first administrator and the demo account, read once at start. */
    public static final String BOOTSTRAP_FILE = "signet.bootstrap.file";

    /** PBKDF2 iterations for new password hashes. */
    public static final String PASSWORD_ITERATIONS = "signet.password.iterations";

    /**
     * Path of the file with the master keys that seal private keys at rest; it lives outside the
     * database and the EAR and is readable by its owner only (see org.signet.pki.MasterKeyFile).
     */
    public static final String PKI_MASTER_KEY_FILE = "signet.pki.master-key-file";

    /** Wrong passwords in a row after which a technical account is locked out. */
    public static final String LOCKOUT_ATTEMPTS = "signet.lockout.attempts";

    /** How long a lock-out lasts. */
    public static final String LOCKOUT_DURATION = "signet.lockout.duration";

    private Settings() {}

    public static Duration duration(String name, Duration fallback) {
        return value(name).map(Duration::parse).orElse(fallback);
    }

    public static int integer(String name, int fallback) {
        return value(name).map(Integer::parseInt).orElse(fallback);
    }

    public static Optional<String> value(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
    }
}
