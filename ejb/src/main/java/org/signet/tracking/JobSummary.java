package org.signet.tracking;

import java.time.Instant;
import org.signet.policy.SigningDecision;

/** One line of the console's recent-jobs list. */
public record JobSummary(
        String jobId,
        String customerNo,
        String account,
        Instant received,
        SigningDecision signing,
        int mails,
        String referenceJob) {}
