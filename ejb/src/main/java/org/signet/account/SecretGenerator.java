package org.signet.account;

import java.security.SecureRandom;

/** Account ids and passwords that Signet generates: unambiguous characters, 128+ bits. */
public final class SecretGenerator {

    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretGenerator() {}

    public static String accountId() {
        return "acc-" + random(ALPHABET, 12);
    }

    /** 24 characters from 55: about 138 bits. */
    public static String password() {
        return random(PASSWORD_ALPHABET, 24);
    }

    private static String random(char[] alphabet, int length) {
        var chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(chars);
    }
}
