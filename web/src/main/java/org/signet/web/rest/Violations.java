package org.signet.web.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation results as problem violations whose fields are JSON paths. */
final class Violations {

    private Violations() {}

    static List<Problem.Violation> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.Violation(jsonPath(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
    }

    /**
     * {@code recipients[0].mail.to[1].email}: property names, with list indexes in brackets and map
     * keys as members ({@code mail.xHeaders.X-Campaign}).
     */
    static String jsonPath(Path path) {
        var json = new StringBuilder();
        for (var node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    json.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    json.append('.').append(node.getKey());
                }
                continue;
            }
            if (node.getIndex() != null && json.length() > 0 && node.isInIterable()) {
                json.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (json.length() > 0) {
                    json.append('.');
                }
                json.append(node.getName());
            }
        }
        return json.toString();
    }
}
