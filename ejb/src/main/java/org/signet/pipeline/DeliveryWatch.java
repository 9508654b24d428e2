package org.signet.pipeline;

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
 * Queues a delivery attempt again that is overdue by more than {@code signet.pipeline.stall-after}.
 * Processing a mail commits its composed message in the database and its delivery message at the
 * broker in one transaction; a broker or server that dies in the middle of that commit can leave
 * the first without the second, and the mail would wait for ever. The attempt number on the mail
 * makes a late original harmless: whichever message comes second finds the attempt done.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryWatch {

    private static final Logger LOG = Logger.getLogger(DeliveryWatch.class.getName());
    private static final int BATCH = 200;

    @Resource private TimerService timers;

    @EJB private DeliveryRequeue requeue;

    private Duration stallAfter;

    @PostConstruct
    void schedule() {
        var interval = Settings.duration(Settings.PIPELINE_WATCH_INTERVAL, Duration.ofSeconds(30));
        stallAfter = Settings.duration(Settings.PIPELINE_STALL_AFTER, Duration.ofMinutes(5));
        timers.createIntervalTimer(
                interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
        LOG.log(
                Level.INFO,
                "Delivery watch every {0} for attempts overdue by {1}",
                new Object[] {interval, stallAfter});
    }

    @Timeout
    void watch() {
        var before = Instant.now().minus(stallAfter);
        var overdue = requeue.overdue(before, BATCH);
        if (overdue.isEmpty()) {
            return;
        }

        int queued = 0;
        for (var mailId : overdue) {
            if (requeue.requeue(mailId, before)) {
                queued++;
            }
        }
        LOG.log(Level.WARNING, "Delivery watch queued {0} overdue delivery attempts again", queued);
    }
}
