package org.signet.policy;

/**
 * The message-signing decision table. An account's {@code active} allows the feature, its {@code
 * defaultActive} signs when the job says nothing, and the job's own flag decides otherwise:
 *
 * <table>
 *   <caption>decision</caption>
 *   <tr><th>job flag</th><th>active</th><th>defaultActive</th><th>result</th></tr>
 *   <tr><td>true</td><td>false</td><td>any</td><td>rejected</td></tr>
 *   <tr><td>true</td><td>true</td><td>any</td><td>SIGN</td></tr>
 *   <tr><td>false</td><td>any</td><td>any</td><td>NO_SIGN</td></tr>
 *   <tr><td>absent</td><td>true</td><td>true</td><td>SIGN</td></tr>
 *   <tr><td>absent</td><td>otherwise</td><td></td><td>NO_SIGN</td></tr>
 * </table>
 */
public final class SigningPolicy {

    private SigningPolicy() {}

    /**
     * @param jobFlag the job's {@code features.messageSigning.active}, or null when absent
     * @throws SigningNotAllowedException when the job asks for signing the account may not use
     */
    public static SigningDecision decide(boolean active, boolean defaultActive, Boolean jobFlag) {
        if (jobFlag == null) {
            return active && defaultActive ? SigningDecision.SIGN : SigningDecision.NO_SIGN;
        }
        if (!jobFlag) {
            return SigningDecision.NO_SIGN;
        }
        if (!active) {
            throw new SigningNotAllowedException();
        }
        return SigningDecision.SIGN;
    }
}
