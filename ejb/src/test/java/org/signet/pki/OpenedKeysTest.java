package org.signet.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenedKeysTest {

    private final AtomicInteger opened = new AtomicInteger();

    @BeforeEach
    void startEmpty() {
        OpenedKeys.forget();
    }

    @Test
    void aSealedKeyIsOpenedOnceAndThenFoundAgain() throws Exception {
        var sealed = new SealedKey("k1", "c2VhbGVk");

        var first = OpenedKeys.of("fp", sealed, opening());
        var second = OpenedKeys.of("fp", new SealedKey("k1", "c2VhbGVk"), opening());

        assertThat(second).isSameAs(first);
        assertThat(opened).hasValue(1);
    }

    @Test
    void aKeySealedAnewOrUnderAnotherMasterKeyIsOpenedAgain() throws Exception {
        OpenedKeys.of("fp", new SealedKey("k1", "b2xk"), opening());

        OpenedKeys.of("fp", new SealedKey("k1", "bmV3"), opening());
        OpenedKeys.of("fp", new SealedKey("k2", "b2xk"), opening());
        OpenedKeys.of("other", new SealedKey("k1", "b2xk"), opening());

        assertThat(opened).hasValue(4);
    }

    @Test
    void forgettingEmptiesAndAFullCacheStartsAgain() throws Exception {
        OpenedKeys.of("fp", new SealedKey("k1", "b2xk"), opening());
        OpenedKeys.forget();
        OpenedKeys.of("fp", new SealedKey("k1", "b2xk"), opening());
        assertThat(opened).hasValue(2);

        for (int i = 0; i < OpenedKeys.LIMIT + 5; i++) {
            OpenedKeys.of("fp" + i, new SealedKey("k1", "b2xk"), opening());
        }
        assertThat(OpenedKeys.size()).isLessThanOrEqualTo(OpenedKeys.LIMIT);
    }

    private Supplier<PrivateKey> opening() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var key = generator.generateKeyPair().getPrivate();
        return () -> {
            opened.incrementAndGet();
            return key;
        };
    }
}
