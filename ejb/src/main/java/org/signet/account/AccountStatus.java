package org.signet.account;

/** Whether a technical account may sign in. */
public enum AccountStatus {
    ACTIVE,
    DISABLED,
    LOCKED
}
