package org.signet.intake;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.account.TechnicalAccount;
import org.signet.intake.JobRejectedException.Reason;
import org.signet.intake.OutboxMessage.Destination;
import org.signet.job.Job;
import org.signet.pki.CustomerPki;
import org.signet.platform.Settings;
import org.signet.policy.SigningDecision;
import org.signet.policy.SigningNotAllowedException;
import org.signet.policy.SigningPolicy;

/**
 * Accepts a validated JobRequest for a technical account: applies the signing policy and the size
 * limit, then stores the job, one mail per recipient entry and one outbox row per mail in a single
 * transaction. The caller hands the outbox rows to the broker after commit ({@link OutboxRelay}).
 */
@Stateless
public class JobIntake {

    private static final Logger LOG = Logger.getLogger(JobIntake.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** 20 MiB of encoded MIME per mail unless {@code signet.intake.max-mail-bytes} says else. */
    static final long DEFAULT_MAX_MAIL_BYTES = 20L * 1024 * 1024;

    @PersistenceContext private EntityManager em;

    @EJB private CustomerPki pki;

    private final MailComposer composer = new MailComposer();

    /** An Idempotency-Key and the SHA-256 (hex) of the body it came with. */
    public record Idempotency(String key, String requestHash) {}

    public AcceptedJob accept(String accountId, JobRequest request, Idempotency idempotency) {
        var account = account(accountId);
        var now = Instant.now();
        if (idempotency != null) {
            var earlier = earlierJob(accountId, idempotency, now);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }

        var signing = decideSigning(account, request.messageSigningFlag());
        checkSize(request);

        var job = store(account, request, signing, now);
        var outboxIds = outbox(job, now);
        if (idempotency != null) {
            em.persist(
                    new IdempotencyKey(
                            accountId,
                            idempotency.key(),
                            idempotency.requestHash(),
                            job.getId(),
                            now));
        }

        LOG.log(
                Level.INFO,
                "Job {0} accepted from account {1}: {2} mails, signing {3}",
                new Object[] {job.getId(), accountId, job.getMails().size(), signing});
        return new AcceptedJob(job.getId(), outboxIds, false);
    }

    /**
     * Accepts a message that came over the SMTP adapter as a job of one mail: the same policy,
     * limits and storage as a JobRequest, with the client's message kept for the pipeline.
     */
    public AcceptedJob acceptSmtp(String accountId, ClientMessage message) {
        var account = account(accountId);
        var signing = decideSigning(account, message.signingFlag());
        refuseOverLimit(message.message().length, "The message is ");

        var now = Instant.now();
        var job =
                new Job(
                        UUID.randomUUID().toString(),
                        account.getCustomer(),
                        account.getId(),
                        now,
                        message.settings().referenceJob(),
                        signing,
                        JSONB.toJson(message.asStoredRequest()));
        job.receivedOverSmtp();
        keepNotificationEndpoint(job, message.notification(), message.notificationPassword());
        var mail =
                job.addMail(
                        UUID.randomUUID().toString(),
                        message.email(),
                        message.envelopeFrom(),
                        message.mimeFrom(),
                        null);
        var messageId = message.messageId() != null ? message.messageId() : mail.getMessageId();
        mail.keepClientMessage(
                new String(
                        message.completedMessage(mail.getMessageId(), now),
                        StandardCharsets.ISO_8859_1),
                messageId,
                message.recipients());
        em.persist(job);
        em.flush();
        var outboxIds = outbox(job, now);

        LOG.log(
                Level.INFO,
                "Job {0} accepted over SMTP from account {1}: 1 mail to {2} recipients, {3} bytes,"
                        + " signing {4}",
                new Object[] {
                    job.getId(),
                    accountId,
                    message.recipients().size(),
                    message.message().length,
                    signing
                });
        return new AcceptedJob(job.getId(), outboxIds, false);
    }

    /**
     * Takes back a job whose messages the broker did not get, so that the SMTP client, answered
     * 4xx, can send it again without a duplicate. A job of which the sweep already sent a message
     * stays.
     *
     * @return whether the job is gone
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean withdraw(AcceptedJob accepted) {
        var removed =
                em.createNamedQuery(OutboxMessage.REMOVE_UNSENT)
                        .setParameter("ids", accepted.outboxIds())
                        .executeUpdate();
        if (removed < accepted.outboxIds().size()) {
            return false;
        }
        var job = em.find(Job.class, accepted.jobId());
        job.getMails().forEach(em::remove);
        em.remove(job);
        LOG.log(
                Level.INFO,
                "Job {0} withdrawn: the broker did not take its messages",
                accepted.jobId());
        return true;
    }

    /**
     * The job an Idempotency-Key named before, for a caller whose own insert of the same key lost a
     * race; empty when there is none.
     */
    public Optional<AcceptedJob> replay(String accountId, Idempotency idempotency) {
        return earlierJob(accountId, idempotency, Instant.now());
    }

    /** Forgets keys older than the window, so that the table stays small. */
    @Schedule(hour = "*", minute = "17", persistent = false)
    void forgetExpiredKeys() {
        var removed =
                em.createNamedQuery(IdempotencyKey.EXPIRED)
                        .setParameter("before", Instant.now().minus(IdempotencyKey.WINDOW))
                        .executeUpdate();
        LOG.log(Level.FINE, "Forgot {0} expired idempotency keys", removed);
    }

    private Optional<AcceptedJob> earlierJob(
            String accountId, Idempotency idempotency, Instant now) {
        var earlier =
                em.find(IdempotencyKey.class, new IdempotencyKey.Key(accountId, idempotency.key()));
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.isFresh(now)) {
            em.remove(earlier);
            em.flush();
            return Optional.empty();
        }
        if (!earlier.isFor(idempotency.requestHash())) {
            throw new JobRejectedException(
                    Reason.IDEMPOTENCY_CONFLICT,
                    "The Idempotency-Key was used within the last 24 hours with another request"
                            + " body (job "
                            + earlier.getJobId()
                            + ").");
        }
        LOG.log(
                Level.INFO,
                "Job {0} requested again by account {1} with the same Idempotency-Key",
                new Object[] {earlier.getJobId(), accountId});
        return Optional.of(AcceptedJob.replay(earlier.getJobId()));
    }

    private Job store(
            TechnicalAccount account, JobRequest request, SigningDecision signing, Instant now) {
        var jobId = UUID.randomUUID().toString();
        var job =
                new Job(
                        jobId,
                        account.getCustomer(),
                        account.getId(),
                        now,
                        request.job() == null ? null : request.job().referenceJob(),
                        signing,
                        JSONB.toJson(request.withoutNotificationPassword()));
        keepNotificationEndpoint(job, request.notification(), request.notificationPassword());

        var envelopeFrom = Addresses.mailbox(request.mail().from().email());
        var mimeFrom = request.mail().mimeFrom() == null ? null : request.mail().mimeFrom().email();
        for (var recipient : request.recipients()) {
            var firstTo = Addresses.mailbox(recipient.mail().to().get(0).email());
            job.addMail(
                    UUID.randomUUID().toString(),
                    firstTo,
                    envelopeFrom,
                    mimeFrom,
                    recipient.reference());
        }
        em.persist(job);
        // outbox rows refer to mails without a JPA relationship: write the mails first
        em.flush();
        return job;
    }

    private List<String> outbox(Job job, Instant now) {
        var outboxIds = new ArrayList<String>();
        for (var mail : job.getMails()) {
            var row =
                    new OutboxMessage(
                            UUID.randomUUID().toString(), mail.getId(), Destination.JOBS, now);
            em.persist(row);
            outboxIds.add(row.getId());
        }
        return outboxIds;
    }

    private TechnicalAccount account(String accountId) {
        var account = em.find(TechnicalAccount.class, accountId);
        if (account == null) {
            throw new JobRejectedException(Reason.ACCOUNT_UNKNOWN, "unknown account");
        }
        return account;
    }

    /** The endpoint's URL on the job, its password sealed; the request JSON keeps neither. */
    private void keepNotificationEndpoint(
            Job job, JobRequest.Notification notification, String password) {
        if (notification != null) {
            job.setNotificationUrl(notification.endPoint().url());
        }
        if (password != null) {
            var sealed = pki.sealSecret(password.getBytes(StandardCharsets.UTF_8), job.getId());
            job.setNotificationSecret(sealed.masterKeyId(), sealed.sealed());
        }
    }

    private void checkSize(JobRequest request) {
        long size;
        try {
            size = composer.largestMailSize(request);
        } catch (MessagingException e) {
            throw new IllegalStateException("a validated JobRequest could not be composed", e);
        }
        refuseOverLimit(size, "A mail of this job would be ");
    }

    /** Refuses a mail of {@code size} bytes over the limit; {@code what} starts the reason. */
    private static void refuseOverLimit(long size, String what) {
        var limit = Settings.longValue(Settings.INTAKE_MAX_MAIL_BYTES, DEFAULT_MAX_MAIL_BYTES);
        if (size > limit) {
            throw new JobRejectedException(
                    Reason.MAIL_TOO_LARGE,
                    what + size + " bytes of MIME; the limit is " + limit + " bytes.");
        }
    }

    private static SigningDecision decideSigning(TechnicalAccount account, Boolean jobFlag) {
        try {
            return SigningPolicy.decide(
                    account.isSigningActive(), account.isSigningDefaultActive(), jobFlag);
        } catch (SigningNotAllowedException e) {
            LOG.log(
                    Level.INFO,
                    "Job refused for account {0}: messageSigning requested but not active",
                    account.getId());
            throw new JobRejectedException(Reason.SIGNING_NOT_ALLOWED, e.getMessage());
        }
    }
}
