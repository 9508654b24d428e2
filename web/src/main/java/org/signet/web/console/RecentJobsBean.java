package org.signet.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import org.signet.account.AccountAdministration;
import org.signet.account.Roles;
import org.signet.tracking.JobQuery;
import org.signet.tracking.JobSummary;
import org.signet.tracking.Timestamps;

/** The newest jobs: all customers' for administrators, the own customer's for its users. */
@Named
@RequestScoped
public class RecentJobsBean {

    private static final int SHOWN = 50;

    @Inject private SecurityContext security;

    @EJB private JobQuery jobs;

    @EJB private AccountAdministration accounts;

    private List<JobSummary> recent;

    public List<JobSummary> getJobs() {
        if (recent == null) {
            recent = jobs.recent(customerScope(), SHOWN);
        }
        return recent;
    }

    public String getUser() {
        return security.getCallerPrincipal().getName();
    }

    public boolean isAdministrator() {
        return security.isCallerInRole(Roles.ADMIN);
    }

    public String format(java.time.Instant instant) {
        return Timestamps.format(instant);
    }

    /** Null for administrators (every customer); the own customer's id for customer users. */
    private Long customerScope() {
        if (isAdministrator()) {
            return null;
        }
        return accounts.customerIdOfConsoleUser(getUser())
                .orElseThrow(() -> new IllegalStateException("console user without customer"));
    }
}
