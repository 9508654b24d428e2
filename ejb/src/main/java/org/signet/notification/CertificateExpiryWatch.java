package org.signet.notification;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.platform.Settings;

/**
 * Once a day ({@code signet.pki.expiry-watch-interval}) records a warning for each certificate that
 * expires within 30, 7 or 1 days and pushes the customer's certificate notification to the push
 * endpoints of its accounts. A push that fails is made again at the next run.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateExpiryWatch {

    private static final Logger LOG = Logger.getLogger(CertificateExpiryWatch.class.getName());

    @Resource private TimerService timers;

    @EJB private CertificateWarnings warnings;

    @EJB private NotificationSignature signatures;

    @Inject private NotificationSender sender;

    /** What one run did. */
    public record Run(int warned, int pushed, int failed) {}

    @PostConstruct
    void schedule() {
        var interval = Settings.duration(Settings.PKI_EXPIRY_WATCH_INTERVAL, Duration.ofDays(1));
        var first = Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis());
        timers.createIntervalTimer(first, interval.toMillis(), new TimerConfig(null, false));
        LOG.log(Level.INFO, "Certificate expiry watch runs every {0}", interval);
    }

    @Timeout
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Certificate expiry watch failed; it runs again later", e);
        }
    }

    /** Warns and pushes now; also what an administrator's request runs. */
    @Lock(LockType.WRITE)
    public Run run() {
        var now = Instant.now();
        var warned = warnings.record(now);
        var pushed = 0;
        var failed = 0;
        for (var push : warnings.pending(now)) {
            var allAnswered = true;
            for (var account : push.accounts()) {
                var endpoint =
                        new NotificationEndpoint(
                                account.getNotificationUrl(), Map.of(), null, null);
                var signature =
                        signatures
                                .sign(account.getId(), push.json(), now.getEpochSecond())
                                .orElse(null);
                var answer = sender.post(endpoint, push.json(), signature);
                if (answer.status() / 100 != 2) {
                    allAnswered = false;
                    LOG.log(
                            Level.WARNING,
                            "Certificate notification of customer {0} to the endpoint of account"
                                    + " {1} failed ({2}); tried again at the next run",
                            new Object[] {push.customerNo(), account.getId(), answer.text()});
                }
            }
            if (allAnswered) {
                warnings.pushed(push.warnings(), now);
                pushed++;
                if (push.accounts().isEmpty()) {
                    LOG.log(
                            Level.INFO,
                            "Customer {0} has certificates expiring soon and no push endpoint;"
                                    + " the console shows the warning",
                            push.customerNo());
                }
            } else {
                failed++;
            }
        }
        return new Run(warned, pushed, failed);
    }
}
