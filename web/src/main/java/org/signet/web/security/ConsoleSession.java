package org.signet.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * The console sign-in kept in the HTTP session; REST calls never create a session. The stamp of the
 * user's password hash at sign-in lets each request see a reset password or a removed user.
 */
record ConsoleSession(String name, Set<String> groups, String credentialStamp)
        implements Serializable {

    private static final String ATTRIBUTE = ConsoleSession.class.getName();

    static void start(
            HttpServletRequest request, String name, Set<String> groups, String credentialStamp) {
        var session = request.getSession(false);
        if (session != null) {
            // a new id at sign-in: a session id planted before it is worth nothing after it
            request.changeSessionId();
        }
        request.getSession(true)
                .setAttribute(
                        ATTRIBUTE, new ConsoleSession(name, Set.copyOf(groups), credentialStamp));
    }

    /** Ends the sign-in: the session goes, and the next page asks for the login again. */
    static void end(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    static Optional<ConsoleSession> of(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((ConsoleSession) session.getAttribute(ATTRIBUTE));
    }
}
