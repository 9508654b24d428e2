package org.signet.notification;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import org.signet.account.TechnicalAccount;
import org.signet.job.Job;
import org.signet.pki.CustomerPki;
import org.signet.pki.SealedKey;
import org.signet.platform.JsonSupport;

/** The endpoint a job's events go to, with its headers and its password opened for the push. */
@Stateless
public class NotificationEndpoints {

    @PersistenceContext private EntityManager em;

    @EJB private CustomerPki pki;

    /** The job's own endpoint, or the account's default URL, or null when there is neither. */
    public NotificationEndpoint of(Job job) {
        if (job.getNotificationUrl() == null) {
            var account = em.find(TechnicalAccount.class, job.getAccountId());
            return account == null || account.getNotificationUrl() == null
                    ? null
                    : new NotificationEndpoint(account.getNotificationUrl(), null, null, null);
        }

        JsonObject endPoint;
        try (var reader =
                JsonSupport.PROVIDER.createReader(new StringReader(job.getRequestJson()))) {
            endPoint = reader.readObject().getJsonObject("notification").getJsonObject("endPoint");
        }
        var headers = new LinkedHashMap<String, String>();
        var given = endPoint.getJsonObject("headers");
        if (given != null) {
            given.forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
        }
        var authentication = endPoint.getJsonObject("authentication");
        var user = authentication == null ? null : authentication.getString("user", null);
        return new NotificationEndpoint(job.getNotificationUrl(), headers, user, password(job));
    }

    private char[] password(Job job) {
        if (job.getNotificationSecret() == null) {
            return null;
        }
        var secret =
                pki.openSecret(
                        new SealedKey(job.getNotificationKeyId(), job.getNotificationSecret()),
                        job.getId());
        try {
            var chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(secret));
            var password = new char[chars.remaining()];
            chars.get(password);
            return password;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
