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

    /** The largest mail, in bytes of encoded MIME before signing, that intake accepts. */
    public static final String INTAKE_MAX_MAIL_BYTES = "signet.intake.max-mail-bytes";

    /**
     * Delays between delivery attempts after temporary failures, comma-separated ISO-8601
     * durations; their number plus one is the number of attempts before a soft bounce.
     */
    public static final String DELIVERY_RETRY_DELAYS = "signet.delivery.retry-delays";

    /**
     * How often the broker delivers a pipeline message before it dead-letters it; must equal the
     * broker's max-delivery-attempts, so that the last attempt records why the mail failed.
     */
    public static final String PIPELINE_DELIVERY_LIMIT = "signet.pipeline.delivery-limit";

    /**
     * How long a hand-off between pipeline steps may be overdue before Signet makes it again: a
     * mail not processed this long after its message was sent, or a delivery attempt this long past
     * its time (a message lost between database and broker in a crash).
     */
    public static final String PIPELINE_STALL_AFTER = "signet.pipeline.stall-after";

    /** How often the delivery watch looks for overdue delivery attempts. */
    public static final String PIPELINE_WATCH_INTERVAL = "signet.pipeline.watch-interval";

    /**
     * Pauses between push attempts after a receiver failed, comma-separated ISO-8601 durations
     * (each with jitter); their number is the number of retries.
     */
    public static final String NOTIFICATION_RETRY_DELAYS = "signet.notification.retry-delays";

    /** How long a push waits to connect and then for the receiver's answer. */
    public static final String NOTIFICATION_TIMEOUT = "signet.notification.timeout";

    /** How often certificates are checked for their end (warnings at 30, 7 and 1 days). */
    public static final String PKI_EXPIRY_WATCH_INTERVAL = "signet.pki.expiry-watch-interval";

    private Settings() {}

    public static long longValue(String name, long fallback) {
        return value(name).map(Long::parseLong).orElse(fallback);
    }

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
