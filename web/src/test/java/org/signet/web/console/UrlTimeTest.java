package org.signet.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class UrlTimeTest {

    @Test
    void instantsAndZonelessTimesAreUtc() {
        assertThat(UrlTime.parse("2026-12-01T08:00:00Z"))
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 8, 0));
        assertThat(UrlTime.parse("2026-12-01T08:00:00.250z"))
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 8, 0, 0, 250_000_000));
        assertThat(UrlTime.parse(" 2026-12-01T08:00 "))
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 8, 0));
        assertThat(UrlTime.parse("")).isNull();
        assertThat(UrlTime.parse(null)).isNull();
    }

    @Test
    void otherTextIsRefusedWithAnExample() {
        assertThatThrownBy(() -> UrlTime.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-12-01T08:00:00Z");
        assertThatThrownBy(() -> UrlTime.parse("2026-13-01T08:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
