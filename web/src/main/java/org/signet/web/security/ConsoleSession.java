package org.signet.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/** The console sign-in kept in the HTTP session; REST calls never create a session. */
record ConsoleSession(String name, Set<String> groups) implements Serializable {

    private static final String ATTRIBUTE = ConsoleSession.class.getName();

    static void start(HttpServletRequest request, String name, Set<String> groups) {
        var session = request.getSession(false);
        if (session != null) {
            // a new id at sign-in: a session id planted before it is worth nothing after it
            request.changeSessionId();
        }
        request.getSession(true)
                .setAttribute(ATTRIBUTE, new ConsoleSession(name, Set.copyOf(groups)));
    }

    static Optional<ConsoleSession> of(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((ConsoleSession) session.getAttribute(ATTRIBUTE));
    }
}
