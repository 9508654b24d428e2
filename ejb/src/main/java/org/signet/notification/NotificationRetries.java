package org.signet.notification;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.signet.delivery.RetrySchedule;

/**
 * Which answers of a receiver are worth another attempt, and when: any 2xx ends the push; 3xx and
 * 400-406 say that trying again will not help; everything else (other 4xx, 5xx, no answer) is tried
 * again after the schedule's next gap, each gap with up to 20 % jitter so that many pushes held up
 * by one outage do not come back at the same instant.
 */
final class NotificationRetries {

    /** 15 retries in about an hour, shorter gaps first. */
    static final String DEFAULT =
            "PT10S,PT20S,PT30S,PT1M,PT1M,PT2M,PT2M,PT3M,PT4M,PT5M,PT6M,PT7M,PT8M,PT9M,PT10M";

    private final RetrySchedule schedule;

    NotificationRetries(RetrySchedule schedule) {
        this.schedule = schedule;
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    static boolean isFinalRefusal(int status) {
        return (status >= 300 && status < 400) || (status >= 400 && status <= 406);
    }

    /** The pause before the next attempt after {@code attempt} failed, or none: give up. */
    java.util.Optional<Duration> delayAfter(int attempt) {
        return schedule.delayAfter(attempt).map(NotificationRetries::withJitter);
    }

    private static Duration withJitter(Duration gap) {
        var spread = gap.toMillis() / 5;
        return spread == 0
                ? gap
                : gap.plusMillis(ThreadLocalRandom.current().nextLong(-spread, spread + 1));
    }
}
