package org.signet.platform;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the broker is known to be down. A failed send marks it down; from then on intake refuses
 * new jobs with 503 (the contract) instead of piling them up, and a probe at most every few seconds
 * finds out when it is back. The job whose send failed is already stored and stays accepted: the
 * outbox sweep sends it later.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BrokerStatus {

    private static final Logger LOG = Logger.getLogger(BrokerStatus.class.getName());

    /** How long a probe result stands before the next request probes again. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(3);

    @EJB private HealthCheck health;

    private volatile Instant downSince;
    private volatile Instant lastProbe = Instant.EPOCH;

    /** True unless a send failed and no probe since has reached the broker. */
    public boolean available() {
        if (downSince == null) {
            return true;
        }
        probeIfStale();
        return downSince == null;
    }

    public void markDown() {
        if (downSince == null) {
            downSince = Instant.now();
            lastProbe = downSince;
            LOG.warning("Broker marked down: new jobs are refused with 503 until it answers");
        }
    }

    public void markUp() {
        var since = downSince;
        if (since != null) {
            downSince = null;
            LOG.log(
                    Level.INFO,
                    "Broker answers again after {0} s: jobs are accepted",
                    Duration.between(since, Instant.now()).toSeconds());
        }
    }

    private synchronized void probeIfStale() {
        if (downSince == null || Instant.now().isBefore(lastProbe.plus(PROBE_INTERVAL))) {
            return;
        }
        lastProbe = Instant.now();
        if (health.brokerAnswers()) {
            markUp();
        }
    }
}
