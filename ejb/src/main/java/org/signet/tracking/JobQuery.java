package org.signet.tracking;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.signet.job.Job;
import org.signet.job.Mail;

/** Reads jobs with their mails and events; a customer only ever sees its own jobs. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobQuery {

    @PersistenceContext private EntityManager em;

    /**
     * The job if it belongs to {@code customerId}; empty for unknown jobs and for other customers'
     * jobs alike, so that their existence is not revealed.
     */
    public Optional<JobView> find(Long customerId, String jobId) {
        var job = em.find(Job.class, jobId);
        if (job == null || !job.getCustomer().getId().equals(customerId)) {
            return Optional.empty();
        }
        return Optional.of(view(job));
    }

    /** Any customer's job, for administrators. */
    public Optional<JobView> findForAdministrator(String jobId) {
        return Optional.ofNullable(em.find(Job.class, jobId)).map(this::view);
    }

    private JobView view(Job job) {
        var mails = job.getMails();
        var mailIds = mails.stream().map(Mail::getId).toList();
        var eventsByMail =
                em
                        .createNamedQuery(TrackingEvent.OF_MAILS, TrackingEvent.class)
                        .setParameter("mailIds", mailIds)
                        .getResultList()
                        .stream()
                        .collect(Collectors.groupingBy(TrackingEvent::getMailId));

        var mailViews =
                mails.stream()
                        .map(
                                mail ->
                                        mailView(
                                                mail,
                                                eventsByMail.getOrDefault(mail.getId(), List.of())))
                        .toList();
        var status =
                MailStatus.jobStatus(
                        mailViews.stream().map(m -> MailStatus.valueOf(m.status())).toList());
        return new JobView(
                job.getId(),
                job.getCustomer().getCustomerNo(),
                job.getAccountId(),
                Timestamps.format(job.getReceivedAt()),
                job.getReferenceJob(),
                job.getSigning().name(),
                status,
                mailViews);
    }

    private static JobView.MailView mailView(Mail mail, List<TrackingEvent> events) {
        var eventViews =
                events.stream()
                        .map(
                                e ->
                                        new JobView.EventView(
                                                e.getType(),
                                                e.getPhase(),
                                                e.getState(),
                                                e.getSubType(),
                                                Timestamps.format(e.getOccurredAt()),
                                                e.getDescription()))
                        .toList();
        return new JobView.MailView(
                mail.getId(),
                mail.getEmail(),
                mail.getEnvelopeFrom(),
                mail.getMimeFrom(),
                mail.getMessageId(),
                MailStatus.of(events).name(),
                eventViews);
    }
}
