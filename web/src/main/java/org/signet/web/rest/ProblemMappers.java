package org.signet.web.rest;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.intake.JobRejectedException;
import org.signet.pki.CertificateImportException;
import org.signet.pki.ImportRefusal;

/** Turns every failure of a REST call into a problem+json answer. */
public final class ProblemMappers {

    private ProblemMappers() {}

    /** A JobRequest refused as a whole: nothing was stored or enqueued. */
    @Provider
    public static class JobRejected implements ExceptionMapper<JobRejectedException> {
        @Override
        public Response toResponse(JobRejectedException e) {
            return switch (e.reason()) {
                case SIGNING_NOT_ALLOWED ->
                        Problem.of(
                                        Response.Status.FORBIDDEN,
                                        "feature-not-active/messageSigning",
                                        "The messageSigning feature is not active for this"
                                                + " account: the job asked for signing and was"
                                                + " rejected.")
                                .toResponse();
                case ACCOUNT_UNKNOWN ->
                        Problem.of(
                                        Response.Status.FORBIDDEN,
                                        "account-unknown",
                                        "The account no longer exists.")
                                .toResponse();
            };
        }
    }

    /** A certificate file that cannot sign mail, with the reason in the type and the detail. */
    @Provider
    public static class CertificateRefused implements ExceptionMapper<CertificateImportException> {
        @Override
        public Response toResponse(CertificateImportException e) {
            var field = e.reason() == ImportRefusal.WRONG_PASSWORD ? "password" : "file";
            var slug = "certificate-refused/" + e.reason().name().toLowerCase(Locale.ROOT);
            var problem = Problem.of(Response.Status.BAD_REQUEST, slug, e.detail());
            return new Problem(
                            problem.type(),
                            problem.title(),
                            problem.status(),
                            problem.detail(),
                            List.of(new Problem.Violation(field, e.detail())))
                    .toResponse();
        }
    }

    /** A body that is not JSON, or JSON of the wrong shape. */
    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.of(
                            Response.Status.BAD_REQUEST,
                            "malformed-json",
                            "The request body is not a well-formed JSON document of the expected"
                                    + " shape: "
                                    + e.getMessage())
                    .toResponse();
        }
    }

    @Provider
    public static class Invalid implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return Problem.invalid(
                            "The request has "
                                    + e.getConstraintViolations().size()
                                    + " invalid fields.",
                            Violations.of(e.getConstraintViolations()))
                    .toResponse();
        }
    }

    /** 404, 405, 415 and the like, with the framework's status kept. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            if (status == null) {
                status = Response.Status.INTERNAL_SERVER_ERROR;
            }
            return Problem.of(status, "http-" + status.getStatusCode(), e.getMessage())
                    .toResponse();
        }
    }

    /** Anything unexpected: logged with its cause, answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "REST call failed unexpectedly", e);
            return Problem.of(
                            Response.Status.INTERNAL_SERVER_ERROR,
                            "internal-error",
                            "Signet could not complete the request; the server log has details.")
                    .toResponse();
        }
    }
}
