package org.signet.web.rest;

/** A request body larger than Signet reads: 413 request-too-large. */
final class RequestTooLargeException extends RuntimeException {

    private final long limit;

    RequestTooLargeException(long limit) {
        super("request body over " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
