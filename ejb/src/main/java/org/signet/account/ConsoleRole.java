package org.signet.account;

/** What a console user is. */
public enum ConsoleRole {
    ADMIN(Roles.ADMIN),
    CUSTOMER_USER(Roles.CUSTOMER_USER);

    private final String group;

    ConsoleRole(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }
}
