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
import org.signet.platform.BrokerStatus;
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

    @EJB private BrokerStatus brokerStatus;

    private Duration resendAfter;

    private Duration stallAfter;

    @PostConstruct
    void schedule() {
        var interval = Settings.duration(Settings.OUTBOX_SWEEP_INTERVAL, Duration.ofSeconds(10));
        resendAfter = Settings.duration(Settings.OUTBOX_RESEND_AFTER, Duration.ofSeconds(30));
        stallAfter = Settings.duration(Settings.PIPELINE_STALL_AFTER, Duration.ofMinutes(5));
        timers.createIntervalTimer(
                Duration.ofSeconds(5).toMillis(),
                interval.toMillis(),
                new TimerConfig(null, false));
        LOG.log(
                Level.INFO,
                "Outbox sweep every {0}, re-sending rows unsent after {1} and mails unprocessed"
                        + " after {2}",
                new Object[] {interval, resendAfter, stallAfter});
    }

    @Timeout
    void sweep() {
        // probes a broker that is known to be down, so that intake opens again without waiting
        // for a client to ask
        brokerStatus.available();

        var overdue = store.overdue(Instant.now().minus(resendAfter), BATCH);
        if (!overdue.isEmpty()) {
            LOG.log(Level.INFO, "Outbox sweep found {0} unsent messages", overdue.size());
            var sent = relay.publish(overdue);
            LOG.log(Level.INFO, "Outbox sweep handed {0} messages to the broker", sent);
        }

        var stalled = store.stalled(Instant.now().minus(stallAfter), BATCH);
        if (!stalled.isEmpty()) {
            var resent = relay.resend(stalled);
            LOG.log(
                    Level.WARNING,
                    "Outbox sweep sent {0} of {1} messages again whose mails were not processed"
                            + " within {2}",
                    new Object[] {resent, stalled.size(), stallAfter});
        }
    }
}
