package org.signet.intake;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Parsing of the {@code Friendly Name<local@domain>} addresses that JobRequests carry. */
public final class Addresses {

    private Addresses() {}

    /**
     * The mailbox, if {@code value} is exactly one syntactically valid address. The address itself
     * must be ASCII (Signet does not send SMTPUTF8); the display name may be any text.
     */
    public static Optional<InternetAddress> parse(String value) {
        try {
            var parsed = InternetAddress.parseHeader(value, true);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                return Optional.empty();
            }
            var address = parsed[0].getAddress();
            if (address == null
                    || address.indexOf('@') < 1
                    || address.endsWith("@")
                    || !StandardCharsets.US_ASCII.newEncoder().canEncode(address)) {
                return Optional.empty();
            }
            return Optional.of(parsed[0]);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** The bare {@code local@domain} of a value that validation has already accepted. */
    public static String mailbox(String value) {
        return parse(value)
                .map(InternetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not an e-mail address"));
    }
}
