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
import org.signet.platform.Outages;

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
                case IDEMPOTENCY_CONFLICT ->
                        Problem.of(Response.Status.CONFLICT, "idempotency-conflict", e.getMessage())
                                .toResponse();
                case MAIL_TOO_LARGE ->
                        Problem.of(
                                        Response.Status.REQUEST_ENTITY_TOO_LARGE,
                                        "mail-too-large",
                                        e.getMessage())
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

    /** A body that is empty, unreadable or no JSON at all. */
    @Provider
    public static class MalformedBody implements ExceptionMapper<MalformedBodyException> {
        @Override
        public Response toResponse(MalformedBodyException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed-json", e.getMessage())
                    .toResponse();
        }
    }

    /** Fields refused before or beside Bean Validation. */
    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problem.invalid(
                            "The request has " + e.violations().size() + " invalid fields.",
                            e.violations())
                    .toResponse();
        }
    }

    @Provider
    public static class TooLarge implements ExceptionMapper<RequestTooLargeException> {
        @Override
        public Response toResponse(RequestTooLargeException e) {
            return Problem.of(
                            Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "request-too-large",
                            "The request body is larger than " + e.limit() + " bytes.")
                    .toResponse();
        }
    }

    @Provider
    public static class ServiceUnavailable implements ExceptionMapper<Unavailable> {
        @Override
        public Response toResponse(Unavailable e) {
            return e.toResponse();
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
            if (Outages.databaseUnavailable(e)) {
                LOG.log(Level.WARNING, "REST call refused: the database is not reachable", e);
                return Unavailable.database().toResponse();
            }
            LOG.log(Level.SEVERE, "REST call failed unexpectedly", e);
            return Problem.of(
                            Response.Status.INTERNAL_SERVER_ERROR,
                            "internal-error",
                            "Signet could not complete the request; the server log has details.")
                    .toResponse();
        }
    }
}
