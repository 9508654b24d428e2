package org.signet.mailconnector;

/**
 * What a message-driven bean implements to take mail from the SMTP adapter. The adapter calls it on
 * a thread of the container's WorkManager, once per AUTH and once per message at the end of DATA,
 * and answers the client with what it returns. The adapter knows nothing of accounts or jobs: the
 * bean decides.
 */
public interface SmtpListener {

    /**
     * Checks the credentials that a client gave with AUTH PLAIN or LOGIN.
     *
     * @param username the authentication identity as the client sent it
     * @param password the password; the caller clears the array after the call
     * @param client the client's address, for the log
     */
    SignIn signIn(String username, char[] password, String client);

    /**
     * Takes one message whose DATA ended within the adapter's limits. The answer goes to the client
     * as it is: a 2xx only once the message is safe, 4xx for a temporary problem (the client tries
     * again), 5xx for a refusal.
     */
    SmtpReply accept(InboundMessage message);
}
