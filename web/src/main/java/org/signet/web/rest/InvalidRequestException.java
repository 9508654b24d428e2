package org.signet.web.rest;

import java.util.List;

/** A request refused field by field, before or beside Bean Validation: 400 invalid-request. */
final class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.Violation> violations;

    InvalidRequestException(List<Problem.Violation> violations) {
        super(violations.size() + " invalid fields", null, false, false);
        this.violations = List.copyOf(violations);
    }

    List<Problem.Violation> violations() {
        return violations;
    }
}
