package org.signet.intake;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.platform.Settings;

/**
 * Re-sends outbox rows that stayed unsent: after a crash between commit and send, or while the
 * broker was down. Runs once shortly after start, then every {@code signet.outbox.sweep-interval}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSweep {

    private static final Logger LOG = Logger.getLogger(OutboxSweep.class.getName());
    private static final int BATCH = 500;

    @Resource private TimerService timers;

    @EJB private OutboxStore store;

    @EJB private OutboxRelay relay;

    private Duration resendAfter;

    @PostConstruct
    void schedule() {
        var interval = Settings.duration(Settings.OUTBOX_SWEEP_INTERVAL, Duration.ofSeconds(10));
        resendAfter = Settings.duration(Settings.OUTBOX_RESEND_AFTER, Duration.ofSeconds(30));
        timers.createIntervalTimer(
                Duration.ofSeconds(5).toMillis(),
                interval.toMillis(),
                new TimerConfig(null, false));
        LOG.log(
                Level.INFO,
                "Outbox sweep every {0}, re-sending rows unsent after {1}",
                new Object[] {interval, resendAfter});
    }

    @Timeout
    void sweep() {
        var overdue = store.overdue(Instant.now().minus(resendAfter), BATCH);
        if (overdue.isEmpty()) {
            return;
        }

        LOG.log(Level.INFO, "Outbox sweep found {0} unsent messages", overdue.size());
        var sent = relay.publish(overdue);
        LOG.log(Level.INFO, "Outbox sweep handed {0} messages to the broker", sent);
    }
}
