package org.signet.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * Admits exactly one user, Signet's own, with every permission that broker.xml grants the role
 * {@value #ROLE}. The embedded broker serves one application, so a user store would add nothing.
 */
final class SingleUserSecurityManager implements ActiveMQSecurityManager {

    static final String ROLE = "signet";

    private final byte[] user;
    private final byte[] password;

    SingleUserSecurityManager(String user, String password) {
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUser(String candidateUser, String candidatePassword) {
        if (candidateUser == null || candidatePassword == null) {
            return false;
        }
        var userMatches =
                MessageDigest.isEqual(user, candidateUser.getBytes(StandardCharsets.UTF_8));
        var passwordMatches =
                MessageDigest.isEqual(password, candidatePassword.getBytes(StandardCharsets.UTF_8));
        // both comparisons always run: no timing hint about which part was wrong
        return userMatches & passwordMatches;
    }

    @Override
    public boolean validateUserAndRole(
            String candidateUser, String candidatePassword, Set<Role> roles, CheckType checkType) {
        return validateUser(candidateUser, candidatePassword)
                && roles.stream().anyMatch(role -> ROLE.equals(role.getName()));
    }
}
