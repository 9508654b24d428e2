package org.signet.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

    private static SearchCriteria of(String type, String subType, Instant from, Instant to) {
        return new SearchCriteria(
                null, null, null, null, null, null, type, subType, from, to, null);
    }

    @Test
    void blankFieldsCountAsAbsentAndTextIsTrimmed() {
        var criteria =
                new SearchCriteria(
                        " ",
                        "",
                        null,
                        "\t",
                        "  Sender@Example.com ",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "  ");

        assertThat(criteria.sender()).isEqualTo("Sender@Example.com");
        assertThat(criteria.jobId()).isNull();
        assertThat(criteria.mailId()).isNull();
        assertThat(criteria.reference()).isNull();
        assertThat(criteria.customerNo()).isNull();
        assertThat(criteria.isEmpty()).isFalse();
        assertThat(
                        new SearchCriteria(
                                        " ", null, null, null, null, null, null, null, null, null,
                                        null)
                                .isEmpty())
                .isTrue();
    }

    @Test
    void knownTypesAndAForwardRangeAreAccepted() {
        var criteria =
                of(
                        "SMIME_SIGNING",
                        "OK",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(criteria.violations()).isEmpty();
        assertThat(criteria.describe())
                .isEqualTo(
                        "type=SMIME_SIGNING, subType=OK, from=2026-01-01T00:00:00.000Z,"
                                + " to=2026-01-02T00:00:00.000Z");
    }

    @Test
    void unknownTypesBackwardRangesAndOverlongValuesAreNamedByField() {
        var instant = Instant.parse("2026-01-01T00:00:00Z");
        var criteria =
                new SearchCriteria(
                        "x".repeat(37),
                        null,
                        null,
                        null,
                        "a".repeat(321),
                        null,
                        "SIGNED",
                        "NOPE",
                        instant,
                        instant,
                        null);

        assertThat(criteria.violations())
                .extracting(SearchCriteria.Violation::field)
                .containsExactly("jobId", "sender", "type", "subType", "to");
    }

    @Test
    void theChoicesAreEveryTypeAndSubtypeThatEventsCarry() {
        assertThat(SearchCriteria.TYPES)
                .containsExactly(
                        "BOUNCED",
                        "DEFERRED",
                        "DELIVERED",
                        "DROPPED",
                        "PROCESSED",
                        "SMIME_SIGNING",
                        "STARTED");
        assertThat(SearchCriteria.SUB_TYPES)
                .containsExactly(
                        "HARD_BOUNCE",
                        "OK",
                        "PROCESSING_FAILED",
                        "PROCESSING_FINISHED",
                        "PROCESSING_STARTED",
                        "SOFT_BOUNCE");
    }
}
