package org.signet.account;

/** A freshly created technical account: the only moment its password is known in clear. */
public record NewAccount(String accountId, String customerNo, String password) {

    @Override
    public String toString() {
        return "NewAccount[accountId=" + accountId + ", customerNo=" + customerNo + "]";
    }
}
