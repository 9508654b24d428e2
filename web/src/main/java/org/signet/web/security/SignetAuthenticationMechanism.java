package org.signet.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.account.CredentialCheck;
import org.signet.account.SignInResult;
import org.signet.platform.Outages;

/**
 * Signet's one authentication mechanism (Jakarta Security allows one per application): HTTP Basic
 * on {@code /rest/*}, stateless, answering 401/403 as problem+json; a form login for the console
 * pages, remembered in the HTTP session.
 *
 * <p>Basic on {@code /rest/v1/admin/*} signs in console administrators; elsewhere under {@code
 * /rest} it signs in technical accounts. The container's security constraints (web.xml) then decide
 * which role may call what.
 */
@ApplicationScoped
public class SignetAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG =
            Logger.getLogger(SignetAuthenticationMechanism.class.getName());

    static final String LOGIN_PAGE = "/login.xhtml";

    @EJB private CredentialCheck credentials;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/rest/")) {
            return basic(path, request, response, context);
        }
        return console(request, context);
    }

    private AuthenticationStatus basic(
            String path,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        var credential = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credential.isEmpty()) {
            if (!context.isProtected()) {
                return context.doNothing();
            }
            return RestChallenge.unauthorized(response, "Sign in with HTTP Basic.");
        }

        var name = credential.get().name();
        var password = credential.get().password();
        SignInResult result;
        try {
            result =
                    path.startsWith("/rest/v1/admin/")
                            ? credentials.consoleUser(name, password)
                            : credentials.technicalAccount(name, password);
        } catch (RuntimeException e) {
            if (!Outages.databaseUnavailable(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "Sign-in refused with 503: the database is not reachable", e);
            return RestChallenge.unavailable(response);
        }
        return switch (result.outcome()) {
            case ACCEPTED -> context.notifyContainerAboutLogin(result.name(), result.groups());
            case BLOCKED -> RestChallenge.forbidden(response, "The account is disabled or locked.");
            case WRONG_CREDENTIALS ->
                    RestChallenge.unauthorized(response, "Wrong user name or password.");
        };
    }

    private AuthenticationStatus console(HttpServletRequest request, HttpMessageContext context) {
        if (context.getAuthParameters().getCredential()
                instanceof UsernamePasswordCredential login) {
            var result = credentials.consoleUser(login.getCaller(), login.getPassword().getValue());
            if (result.outcome() != SignInResult.Outcome.ACCEPTED) {
                // no 401 page: the login form renders its own message
                return AuthenticationStatus.SEND_FAILURE;
            }
            ConsoleSession.start(
                    request,
                    result.name(),
                    result.groups(),
                    credentials.credentialStamp(result.name()).orElse(""));
            return context.notifyContainerAboutLogin(result.name(), result.groups());
        }

        var remembered = ConsoleSession.of(request);
        if (remembered.isPresent()
                && !credentials
                        .credentialStamp(remembered.get().name())
                        .equals(Optional.of(remembered.get().credentialStamp()))) {
            // the password was reset or the user removed since this sign-in
            LOG.log(
                    Level.INFO,
                    "Console session of {0} ended: its credentials changed",
                    remembered.get().name());
            ConsoleSession.end(request);
            remembered = Optional.empty();
        }
        if (remembered.isPresent()) {
            return context.notifyContainerAboutLogin(
                    remembered.get().name(), remembered.get().groups());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** Username and password of an {@code Authorization: Basic} header (RFC 7617). */
    record BasicCredentials(String name, char[] password) {

        static Optional<BasicCredentials> parse(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded =
                        new String(
                                Base64.getDecoder().decode(header.substring(6).trim()),
                                StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            var colon = decoded.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(
                    new BasicCredentials(
                            decoded.substring(0, colon),
                            decoded.substring(colon + 1).toCharArray()));
        }
    }

    /** 401 and 403 answers for the REST API, as problem+json. */
    static final class RestChallenge {

        private RestChallenge() {}

        static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Signet\", charset=\"UTF-8\"");
            write(response, 401, "Unauthorized", "unauthorized", detail);
            return AuthenticationStatus.SEND_FAILURE;
        }

        static AuthenticationStatus unavailable(HttpServletResponse response) {
            response.setHeader("Retry-After", "30");
            write(
                    response,
                    503,
                    "Service Unavailable",
                    "database-unavailable",
                    "The database is not reachable; nothing was stored. Try again later.");
            return AuthenticationStatus.SEND_FAILURE;
        }

        static AuthenticationStatus forbidden(HttpServletResponse response, String detail) {
            write(response, 403, "Forbidden", "account-blocked", detail);
            return AuthenticationStatus.SEND_FAILURE;
        }

        private static void write(
                HttpServletResponse response,
                int status,
                String title,
                String slug,
                String detail) {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            var json =
                    "{\"type\":\"https://signet.example/problems/"
                            + slug
                            + "\",\"title\":\""
                            + title
                            + "\",\"status\":"
                            + status
                            + ",\"detail\":\""
                            + detail
                            + "\"}";
            try {
                response.getWriter().write(json);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the " + status + " answer", e);
            }
        }
    }
}
