package org.signet.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void hashMatchesItsPasswordOnly() {
        var hash = hasher.hash("correct horse".toCharArray());

        assertThat(PasswordHasher.matches("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.matches("correct horsE".toCharArray(), hash)).isFalse();
    }

    @Test
    void samePasswordGivesDifferentSaltedHashes() {
        var first = hasher.hash("secret".toCharArray());
        var second = hasher.hash("secret".toCharArray());

        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$10000$");
        assertThat(first).doesNotContain("secret");
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertThat(PasswordHasher.matches("x".toCharArray(), "plain-text")).isFalse();
        assertThat(PasswordHasher.matches("x".toCharArray(), "md5$1$a$b")).isFalse();
    }
}
