package org.signet.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the console's Live Search asks for. Every field is optional; blank text counts as absent.
 * Addresses match without regard to case, identifiers and references exactly; {@code from} is
 * inclusive and {@code to} exclusive.
 */
public record SearchCriteria(
        String jobId,
        String mailId,
        String jobReference,
        String reference,
        String sender,
        String recipient,
        String type,
        String subType,
        Instant from,
        Instant to,
        String customerNo) {

    static final int MAX_ID = 36;
    static final int MAX_ADDRESS = 320;
    static final int MAX_REFERENCE = 255;
    static final int MAX_CUSTOMER_NO = 32;

    /** The event types and subtypes there are, for the search form's choices. */
    public static final List<String> TYPES =
            Stream.of(EventKind.values()).map(EventKind::type).distinct().sorted().toList();

    public static final List<String> SUB_TYPES =
            Stream.of(EventKind.values()).map(EventKind::subType).distinct().sorted().toList();

    private static final Set<String> TYPE_SET = Set.copyOf(TYPES);
    private static final Set<String> SUB_TYPE_SET = Set.copyOf(SUB_TYPES);

    public static final SearchCriteria NONE =
            new SearchCriteria(null, null, null, null, null, null, null, null, null, null, null);

    public SearchCriteria {
        jobId = trimmed(jobId);
        mailId = trimmed(mailId);
        jobReference = trimmed(jobReference);
        reference = trimmed(reference);
        sender = trimmed(sender);
        recipient = trimmed(recipient);
        type = trimmed(type);
        subType = trimmed(subType);
        customerNo = trimmed(customerNo);
    }

    /**
     * One reason per field that cannot be searched for, keyed by the field's name; empty if fine.
     */
    public List<Violation> violations() {
        var violations = new ArrayList<Violation>();
        tooLong(violations, "jobId", jobId, MAX_ID);
        tooLong(violations, "mailId", mailId, MAX_ID);
        tooLong(violations, "jobReference", jobReference, MAX_REFERENCE);
        tooLong(violations, "reference", reference, MAX_REFERENCE);
        tooLong(violations, "sender", sender, MAX_ADDRESS);
        tooLong(violations, "recipient", recipient, MAX_ADDRESS);
        tooLong(violations, "customerNo", customerNo, MAX_CUSTOMER_NO);
        if (type != null && !TYPE_SET.contains(type)) {
            violations.add(
                    new Violation("type", "Unknown event type; choose one of " + TYPES + "."));
        }
        if (subType != null && !SUB_TYPE_SET.contains(subType)) {
            violations.add(
                    new Violation(
                            "subType", "Unknown event subtype; choose one of " + SUB_TYPES + "."));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new Violation("to", "The end of the time range must follow its start."));
        }
        return violations;
    }

    /** Whether nothing narrows the search: the newest events are shown. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The filters that are set, as {@code name=value} for log lines and the page's summary. */
    public String describe() {
        return Stream.of(
                        pair("job", jobId),
                        pair("mail", mailId),
                        pair("jobReference", jobReference),
                        pair("reference", reference),
                        pair("sender", sender),
                        pair("recipient", recipient),
                        pair("type", type),
                        pair("subType", subType),
                        pair("from", from == null ? null : Timestamps.format(from)),
                        pair("to", to == null ? null : Timestamps.format(to)),
                        pair("customer", customerNo))
                .filter(pair -> pair != null)
                .collect(Collectors.joining(", "));
    }

    /** A field of the search that cannot be used, and why. */
    public record Violation(String field, String message) {}

    private static String pair(String name, String value) {
        return value == null ? null : name + "=" + value;
    }

    private static void tooLong(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "At most " + max + " characters."));
        }
    }

    private static String trimmed(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
