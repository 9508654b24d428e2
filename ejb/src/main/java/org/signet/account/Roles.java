package org.signet.account;

/** The three roles of DESIGN.md's "who may do what", as groups the container maps to roles. */
public final class Roles {

    /** A technical account: sends jobs over REST or SMTP. */
    public static final String ACCOUNT = "ACCOUNT";

    /** A console user of one customer. */
    public static final String CUSTOMER_USER = "CUSTOMER_USER";

    /** An administrator of the whole installation. */
    public static final String ADMIN = "ADMIN";

    private Roles() {}
}
