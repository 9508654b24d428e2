package org.signet.web.rest;

/** A request body that is empty, unreadable or not JSON at all: 400 malformed-json. */
final class MalformedBodyException extends RuntimeException {

    MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
