package org.signet.web.rest;

import jakarta.ws.rs.core.Response;

/**
 * Something Signet cannot work without is down: 503 with {@code Retry-After}, so that clients try
 * again later rather than give up. Nothing of the request was stored.
 */
final class Unavailable extends RuntimeException {

    /** Seconds a client should wait: long enough for a restart, short enough to lose no time. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final String slug;

    private Unavailable(String slug, String message) {
        super(message, null, false, false);
        this.slug = slug;
    }

    static Unavailable broker() {
        return new Unavailable(
                "broker-unavailable",
                "The message broker is not reachable; nothing was stored. Try again later.");
    }

    static Unavailable busy() {
        return new Unavailable(
                "busy",
                "Signet is taking in as many large requests as it can at once; nothing was stored."
                        + " Try again later.");
    }

    static Unavailable database() {
        return new Unavailable(
                "database-unavailable",
                "The database is not reachable; nothing was stored. Try again later.");
    }

    Response toResponse() {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, slug, getMessage())
                .toResponseBuilder()
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
