package org.signet.mailconnector.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.mailconnector.SignIn;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;

/**
 * AUTH PLAIN (RFC 4616) and AUTH LOGIN, each checked by the listener bean. A refusal answers 535, a
 * check that could not be made (the database is down) 454 so that the client tries again later (RFC
 * 4954 6). Passwords are cleared after the check and never logged.
 */
final class PlainAndLoginAuthentication implements AuthenticationHandlerFactory {

    private static final Logger LOG = Logger.getLogger(PlainAndLoginAuthentication.class.getName());

    private static final String PLAIN = "PLAIN";
    private static final String LOGIN = "LOGIN";
    private static final String USERNAME_CHALLENGE = "334 VXNlcm5hbWU6";
    private static final String PASSWORD_CHALLENGE = "334 UGFzc3dvcmQ6";

    private final ListenerEndpoint listener;

    PlainAndLoginAuthentication(ListenerEndpoint listener) {
        this.listener = listener;
    }

    @Override
    public List<String> getAuthenticationMechanisms() {
        return List.of(PLAIN, LOGIN);
    }

    @Override
    public AuthenticationHandler create() {
        return new Handler();
    }

    private final class Handler implements AuthenticationHandler {

        private String mechanism;
        private String username;
        private String identity;

        @Override
        public Optional<String> auth(String clientInput, MessageContext context)
                throws RejectException {
            if (mechanism == null) {
                return start(clientInput.trim().split("\\s+"), context);
            }
            if (mechanism.equals(PLAIN)) {
                return plain(clientInput.trim(), context);
            }
            if (username == null) {
                username = new String(decode(clientInput.trim()), StandardCharsets.UTF_8);
                return Optional.of(PASSWORD_CHALLENGE);
            }
            check(username, decode(clientInput.trim()), context);
            return Optional.empty();
        }

        @Override
        public Object getIdentity() {
            return identity;
        }

        private Optional<String> start(String[] words, MessageContext context)
                throws RejectException {
            mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
            var initialResponse = words.length > 2 ? words[2] : null;
            switch (mechanism) {
                case PLAIN:
                    return initialResponse == null
                            ? Optional.of("334 ")
                            : plain(initialResponse, context);
                case LOGIN:
                    if (initialResponse == null) {
                        return Optional.of(USERNAME_CHALLENGE);
                    }
                    username = new String(decode(initialResponse), StandardCharsets.UTF_8);
                    return Optional.of(PASSWORD_CHALLENGE);
                default:
                    throw new RejectException(504, "5.5.4 Unrecognized authentication type");
            }
        }

        /** RFC 4616 2: [authzid] NUL authcid NUL passwd. */
        private Optional<String> plain(String response, MessageContext context)
                throws RejectException {
            var message = decode(response);
            try {
                int first = indexOf(message, 0);
                int second = first < 0 ? -1 : indexOf(message, first + 1);
                if (second < 0) {
                    throw new RejectException(
                            501, "5.5.2 AUTH PLAIN needs authzid NUL authcid NUL passwd");
                }
                var authcid =
                        new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
                check(authcid, Arrays.copyOfRange(message, second + 1, message.length), context);
                return Optional.empty();
            } finally {
                Arrays.fill(message, (byte) 0);
            }
        }

        private void check(String user, byte[] passwordBytes, MessageContext context)
                throws RejectException {
            var password = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(passwordBytes));
            var chars = new char[password.remaining()];
            password.get(chars);
            Arrays.fill(passwordBytes, (byte) 0);
            var client = String.valueOf(context.getRemoteAddress());

            SignIn result;
            try {
                result = listener.call(bean -> bean.signIn(user, chars, client));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "SMTP sign-in of " + user + " could not be checked", e);
                throw new RejectException(454, "4.7.0 Temporary authentication failure");
            } finally {
                Arrays.fill(chars, '\0');
                Arrays.fill(password.array(), '\0');
            }

            switch (result.outcome()) {
                case ACCEPTED -> identity = result.identity();
                case REFUSED ->
                        throw new RejectException(535, "5.7.8 Authentication credentials invalid");
                case TEMPORARY_FAILURE ->
                        throw new RejectException(
                                454, "4.7.0 Temporary authentication failure, try again later");
            }
        }
    }

    private static byte[] decode(String base64) throws RejectException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new RejectException(501, "5.5.2 Cannot decode the base64 response");
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
