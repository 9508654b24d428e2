package org.signet.intake;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.account.TechnicalAccount;
import org.signet.intake.JobRejectedException.Reason;
import org.signet.intake.OutboxMessage.Destination;
import org.signet.job.Job;
import org.signet.policy.SigningDecision;
import org.signet.policy.SigningNotAllowedException;
import org.signet.policy.SigningPolicy;

/**
 * Accepts a validated JobRequest for a technical account: applies the signing policy, then stores
 * the job, one mail per recipient entry and one outbox row per mail in a single transaction. The
 * caller hands the outbox rows to the broker after commit ({@link OutboxRelay}).
 */
@Stateless
public class JobIntake {

    private static final Logger LOG = Logger.getLogger(JobIntake.class.getName());

    @PersistenceContext private EntityManager em;

    public AcceptedJob accept(String accountId, JobRequest request, String requestJson) {
        var account = em.find(TechnicalAccount.class, accountId);
        if (account == null) {
            throw new JobRejectedException(Reason.ACCOUNT_UNKNOWN, "unknown account");
        }

        var signing = decideSigning(account, request);
        var now = Instant.now();
        var job =
                new Job(
                        UUID.randomUUID().toString(),
                        account.getCustomer(),
                        accountId,
                        now,
                        request.job() == null ? null : request.job().referenceJob(),
                        signing,
                        requestJson);
        var envelopeFrom = Addresses.mailbox(request.mail().from().email());
        var mimeFrom = request.mail().mimeFrom() == null ? null : request.mail().mimeFrom().email();
        for (var recipient : request.recipients()) {
            var firstTo = Addresses.mailbox(recipient.mail().to().get(0).email());
            job.addMail(UUID.randomUUID().toString(), firstTo, envelopeFrom, mimeFrom);
        }
        em.persist(job);
        // outbox rows refer to mails without a JPA relationship: write the mails first
        em.flush();

        var outboxIds = new ArrayList<String>();
        for (var mail : job.getMails()) {
            var row =
                    new OutboxMessage(
                            UUID.randomUUID().toString(), mail.getId(), Destination.JOBS, now);
            em.persist(row);
            outboxIds.add(row.getId());
        }

        LOG.log(
                Level.INFO,
                "Job {0} accepted from account {1}: {2} mails, signing {3}",
                new Object[] {job.getId(), accountId, job.getMails().size(), signing});
        return new AcceptedJob(job.getId(), outboxIds);
    }

    private static SigningDecision decideSigning(TechnicalAccount account, JobRequest request) {
        try {
            return SigningPolicy.decide(
                    account.isSigningActive(),
                    account.isSigningDefaultActive(),
                    request.messageSigningFlag());
        } catch (SigningNotAllowedException e) {
            LOG.log(
                    Level.INFO,
                    "Job refused for account {0}: messageSigning requested but not active",
                    account.getId());
            throw new JobRejectedException(Reason.SIGNING_NOT_ALLOWED, e.getMessage());
        }
    }
}
