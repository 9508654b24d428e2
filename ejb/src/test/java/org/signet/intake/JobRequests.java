package org.signet.intake;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** JobRequests for tests, bound from JSON as the REST API binds them. */
final class JobRequests {

    static final String MINIMAL =
            """
            {"subject": {"content": "Hello"},
             "body": {"contentType": "text/plain", "content": "Hi."},
             "recipients": [{"mail": {"to": [{"email": "Alice<alice@example.com>"}]}}],
             "mail": {"from": {"email": "sender@example.com"}}}
            """;

    private JobRequests() {}

    private static final Jsonb JSONB = JsonbBuilder.create();

    static JobRequest of(String json) {
        return JSONB.fromJson(json, JobRequest.class);
    }

    /** {@link #MINIMAL} with {@code member} (JSON text for a top-level member) added. */
    static JobRequest minimalWith(String member) {
        return of(MINIMAL.substring(0, MINIMAL.lastIndexOf('}')) + ", " + member + "}");
    }
}
