package org.signet.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The growing delays between delivery attempts after temporary failures: attempt {@code n}
 * (counting from 1) is followed, if it fails for now, by the n-th delay; after the last delay the
 * mail is given up as a soft bounce.
 */
public final class RetrySchedule {

    /** About a day of trying, most attempts early: 1, 5, 15, 30 min, 1, 2, 4, 8 h. */
    public static final String DEFAULT = "PT1M,PT5M,PT15M,PT30M,PT1H,PT2H,PT4H,PT8H";

    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /** From a comma-separated list of ISO-8601 durations, such as {@link #DEFAULT}. */
    public static RetrySchedule parse(String value) {
        return new RetrySchedule(
                Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(Duration::parse)
                        .toList());
    }

    /** The delay before the next attempt after attempt {@code attempt} failed, if any is left. */
    public Optional<Duration> delayAfter(int attempt) {
        return attempt >= 1 && attempt <= delays.size()
                ? Optional.of(delays.get(attempt - 1))
                : Optional.empty();
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
