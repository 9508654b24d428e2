package org.signet.web.console.admin;

import java.util.regex.Pattern;
import org.signet.account.ConsoleUser;
import org.signet.account.Customer;
import org.signet.account.TechnicalAccount;
import org.signet.web.console.Messages;

/**
 * The administration forms' input, checked by the rules the administration API validates with: a
 * refused value is named beside its field and answers null.
 */
final class Input {

    private static final Pattern USERNAME = Pattern.compile(ConsoleUser.USERNAME_PATTERN);
    private static final Pattern NOTIFICATION_URL =
            Pattern.compile(TechnicalAccount.NOTIFICATION_URL_PATTERN);

    private Input() {}

    static String customerName(String value, String field) {
        var name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > Customer.NAME_MAX) {
            Messages.error(
                    field,
                    "Give the customer a name of 1 to " + Customer.NAME_MAX + " characters.");
            return null;
        }
        return name;
    }

    static String username(String value, String field) {
        var username = value == null ? "" : value.strip();
        if (!USERNAME.matcher(username).matches()) {
            Messages.error(field, "A user name has " + ConsoleUser.USERNAME_RULE + ".");
            return null;
        }
        return username;
    }

    /** The endpoint, empty for none; null when it is no http(s) URL. */
    static String notificationUrl(String value, String accountId) {
        var url = value == null ? "" : value.strip();
        if (url.length() > TechnicalAccount.NOTIFICATION_URL_MAX
                || !NOTIFICATION_URL.matcher(url).matches()) {
            Messages.error(
                    null,
                    "Account " + accountId + ": the push endpoint must be an http or https URL.");
            return null;
        }
        return url;
    }
}
