package org.signet.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.signet.tracking.JobQuery;
import org.signet.tracking.JobView;
import org.signet.tracking.SigningResult;

/**
 * A job's detail page: its metadata, its mails with their signing result at a glance and each
 * mail's event timeline. A job of another customer answers 404 like one that does not exist.
 */
@Named
@ViewScoped
public class JobDetailBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB private JobQuery jobs;

    @Inject private ConsoleScope console;

    private String jobId;

    private JobView job;

    /** Reads the job of the URL, or answers 404. */
    public void open() {
        var scope = console.customerScope();
        Optional<JobView> found =
                jobId == null || jobId.isBlank() || jobId.length() > 36
                        ? Optional.empty()
                        : scope == null
                                ? jobs.findForAdministrator(jobId.strip())
                                : jobs.find(scope, jobId.strip());
        if (found.isEmpty()) {
            Messages.answer(404, "No such job");
            return;
        }
        job = found.get();
    }

    public JobView getJob() {
        return job;
    }

    public List<JobView.MailView> getMails() {
        return job == null ? List.of() : job.mails();
    }

    /** Signed, unsigned, dropped or pending, read off the mail's events. */
    public SigningResult signing(JobView.MailView mail) {
        return SigningResult.of(mail.events().stream().map(JobView.EventView::type).toList());
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }
}
