package org.signet.web.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document, Signet's one error format: {@code {type, title, status, detail,
 * violations: [{field, message}]}} with {@code field} a JSON path such as {@code
 * recipients[0].mail.to[1].email}.
 */
public record Problem(
        String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPES = "https://signet.example/problems/";

    public record Violation(String field, String message) {}

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem(
                TYPES + slug, status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        var status = Response.Status.BAD_REQUEST;
        return new Problem(
                TYPES + "invalid-request",
                status.getReasonPhrase(),
                status.getStatusCode(),
                detail,
                violations);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA).entity(this);
    }
}
