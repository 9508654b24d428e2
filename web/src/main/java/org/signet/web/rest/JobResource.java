package org.signet.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.signet.account.AccountAdministration;
import org.signet.account.Roles;
import org.signet.intake.JobIntake;
import org.signet.intake.JobRequest;
import org.signet.intake.OutboxRelay;
import org.signet.tracking.JobQuery;
import org.signet.tracking.JobView;

/** JobRequests from applications, signed in with HTTP Basic as a technical account. */
@Path("v1/jobs")
@RolesAllowed(Roles.ACCOUNT)
public class JobResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB private JobIntake intake;

    @EJB private OutboxRelay relay;

    @EJB private JobQuery jobs;

    @EJB private AccountAdministration accounts;

    @Inject private Validator validator;

    @Context private SecurityContext security;

    @Context private UriInfo uri;

    public record Accepted(String jobId) {}

    /**
     * Accepts a JobRequest: 202 with the job id once the job is stored; the mails are then
     * processed asynchronously.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(String body) {
        var request = parse(body);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }

        var accepted = intake.accept(accountId(), request, body);
        relay.publish(accepted.outboxIds());

        return Response.accepted(new Accepted(accepted.jobId()))
                .location(uri.getAbsolutePathBuilder().path(accepted.jobId()).build())
                .build();
    }

    /** The job with its mails and their events; 404 for jobs of other customers. */
    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView job(@PathParam("jobId") String jobId) {
        var customerId =
                accounts.customerIdOfAccount(accountId()).orElseThrow(NotFoundException::new);
        return jobs.find(customerId, jobId)
                .orElseThrow(() -> new NotFoundException("No job " + jobId + " for this account."));
    }

    private String accountId() {
        return security.getUserPrincipal().getName();
    }

    private static JobRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new JsonbException("the body is empty");
        }
        var request = JSONB.fromJson(body, JobRequest.class);
        if (request == null) {
            throw new JsonbException("the body is JSON null");
        }
        return request;
    }
}
