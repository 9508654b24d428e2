package org.signet.notification;

import java.util.Map;

/**
 * Where a job's events are pushed: the job's own endpoint (REST {@code notification.endPoint}, SMTP
 * {@code X-RETARUS-M4A-NOTIFICATION-*}) or else the account's default URL.
 */
public record NotificationEndpoint(
        String url, Map<String, String> headers, String user, char[] password) {

    public NotificationEndpoint {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    boolean hasBasicAuthentication() {
        return user != null && password != null;
    }

    @Override
    public String toString() {
        // never the password
        return url + (user == null ? "" : " (BASIC as " + user + ")");
    }
}
