package org.signet.web.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A UTC time in a console URL: {@code 2026-12-01T08:00:00Z}, or without the zone, which then means
 * UTC too. The console shows and takes every time in UTC, as the API does.
 */
final class UrlTime {

    static final String EXPECTED = "Not a time: give it as 2026-12-01T08:00:00Z (UTC).";

    private UrlTime() {}

    /** The time that {@code value} gives, null for none. */
    static LocalDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        try {
            if (text.endsWith("Z") || text.endsWith("z")) {
                return LocalDateTime.ofInstant(Instant.parse(text.toUpperCase()), ZoneOffset.UTC);
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(EXPECTED, e);
        }
    }
}
