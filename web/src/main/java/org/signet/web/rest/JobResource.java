package org.signet.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.account.AccountAdministration;
import org.signet.account.Roles;
import org.signet.intake.AcceptedJob;
import org.signet.intake.JobIntake;
import org.signet.intake.JobIntake.Idempotency;
import org.signet.intake.JobRequest;
import org.signet.intake.OutboxRelay;
import org.signet.platform.BrokerStatus;
import org.signet.platform.JsonSupport;
import org.signet.tracking.JobQuery;
import org.signet.tracking.JobView;

/** JobRequests from applications, signed in with HTTP Basic as a technical account. */
@Path("v1/jobs")
@RolesAllowed(Roles.ACCOUNT)
public class JobResource {

    /**
     * The largest request body read: a 20 MiB mail is about as large in JSON (its attachments are
     * base64 in both), and 1,000 recipient entries add their addresses and headers.
     */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** How much of an oversized body is read and thrown away before answering 413. */
    static final long DRAIN_BYTES = 256L * 1024 * 1024;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * Bodies above this size count as large. A large request holds several copies of its content
     * while it is parsed, validated, composed and stored (about 170 MB for a 20 MiB mail), so only
     * {@link #LARGE_AT_ONCE} are taken at a time; the others wait, then get 503.
     */
    static final int LARGE_BODY_BYTES = 1024 * 1024;

    static final int LARGE_AT_ONCE = 2;

    private static final Semaphore LARGE_BODIES = new Semaphore(LARGE_AT_ONCE, true);

    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final Logger LOG = Logger.getLogger(JobResource.class.getName());

    @EJB private JobIntake intake;

    @EJB private OutboxRelay relay;

    @EJB private JobQuery jobs;

    @EJB private AccountAdministration accounts;

    @EJB private BrokerStatus brokerStatus;

    @Inject private Validator validator;

    @Context private SecurityContext security;

    @Context private UriInfo uri;

    public record Accepted(String jobId) {}

    /**
     * Accepts a JobRequest: 202 with the job id once the job is stored; the mails are then
     * processed asynchronously. With an {@code Idempotency-Key}, the same key and body within 24
     * hours answer the first job again (with {@code Idempotent-Replayed: true}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(InputStream in, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        if (!brokerStatus.available()) {
            throw Unavailable.broker();
        }
        var head = read(in, LARGE_BODY_BYTES);
        if (head.length < LARGE_BODY_BYTES) {
            return submit(head, idempotencyKey);
        }
        if (!acquireLargeBodyPermit()) {
            throw Unavailable.busy();
        }
        try {
            var rest = read(in, MAX_BODY_BYTES - LARGE_BODY_BYTES + 1);
            if (head.length + rest.length > MAX_BODY_BYTES) {
                drain(in);
                throw new RequestTooLargeException(MAX_BODY_BYTES);
            }
            var body = Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, body, head.length, rest.length);
            return submit(body, idempotencyKey);
        } finally {
            LARGE_BODIES.release();
        }
    }

    private Response submit(byte[] body, String idempotencyKey) {
        if (body.length == 0) {
            throw new MalformedBodyException("The request body is empty.", null);
        }
        var idempotency = idempotency(idempotencyKey, body);
        var request = parse(new String(body, StandardCharsets.UTF_8));

        var accepted = accept(request, idempotency);
        if (accepted.outboxIds().size() <= OutboxRelay.PUBLISH_BEFORE_ANSWER) {
            relay.publish(accepted.outboxIds());
        } else {
            relay.publishInBackground(accepted.outboxIds());
        }

        return Response.accepted(new Accepted(accepted.jobId()))
                .location(uri.getAbsolutePathBuilder().path(accepted.jobId()).build())
                .header("Idempotent-Replayed", accepted.replayed() ? "true" : null)
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

    private AcceptedJob accept(JobRequest request, Idempotency idempotency) {
        try {
            return intake.accept(accountId(), request, idempotency);
        } catch (EJBException e) {
            // two requests with the same key at once: the second insert of the key fails
            if (idempotency != null) {
                var earlier = intake.replay(accountId(), idempotency);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
    }

    /**
     * Parses and validates the body: first its shape (members, JSON types, no nulls or empty
     * strings), then Bean Validation of the bound request. Each refusal names its fields.
     */
    private JobRequest parse(String json) {
        jakarta.json.JsonValue document;
        try (var reader = JsonSupport.PROVIDER.createReader(new StringReader(json))) {
            document = reader.readValue();
        } catch (JsonParsingException e) {
            throw new MalformedBodyException(
                    "The request body is not a well-formed JSON document: " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new MalformedBodyException("The request body is not a JSON document.", e);
        }

        var shape = JsonShape.check(document, JobRequest.class);
        JobRequest request;
        try {
            request = JSONB.fromJson(json, JobRequest.class);
        } catch (JsonbException e) {
            if (!shape.isEmpty()) {
                throw new InvalidRequestException(shape);
            }
            throw e;
        }

        var violations = new ArrayList<>(shape);
        for (var violation : Violations.of(validator.validate(request))) {
            if (shape.stream().noneMatch(found -> covers(found.field(), violation.field()))) {
                violations.add(violation);
            }
        }
        for (var position : request.recipientsDisagreeingOnSigning()) {
            violations.add(
                    new Problem.Violation(
                            "recipients[" + position + "].features.messageSigning.active",
                            "must agree with job.features.messageSigning: signing is decided"
                                    + " per job"));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new InvalidRequestException(violations);
        }
        return request;
    }

    /** Whether a finding on {@code field} already explains one on {@code other}. */
    private static boolean covers(String field, String other) {
        return other.equals(field)
                || other.startsWith(field + ".")
                || other.startsWith(field + "[");
    }

    private static Idempotency idempotency(String key, byte[] body) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 255 || !key.matches("[\\x21-\\x7e]+")) {
            throw new InvalidRequestException(
                    List.of(
                            new Problem.Violation(
                                    IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters")));
        }
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new Idempotency(key, HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] read(InputStream in, int atMost) {
        try {
            return in.readNBytes(atMost);
        } catch (IOException e) {
            throw new MalformedBodyException("The request body could not be read.", e);
        }
    }

    /**
     * Reads and discards the rest of an oversized body (up to a bound), so that the client, still
     * sending, receives the 413 instead of a connection reset.
     */
    private static void drain(InputStream in) {
        try {
            long skipped = 0;
            var buffer = new byte[64 * 1024];
            for (int n; skipped < DRAIN_BYTES && (n = in.read(buffer)) > 0; ) {
                skipped += n;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Client left while an oversized body was discarded", e);
        }
    }

    private static boolean acquireLargeBodyPermit() {
        try {
            return LARGE_BODIES.tryAcquire(Unavailable.RETRY_AFTER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String accountId() {
        return security.getUserPrincipal().getName();
    }
}
