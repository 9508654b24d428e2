package org.signet.intake.smtp;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.validation.Validator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.signet.account.CredentialCheck;
import org.signet.intake.AcceptedJob;
import org.signet.intake.ClientMessage;
import org.signet.intake.JobIntake;
import org.signet.intake.JobRejectedException;
import org.signet.intake.OutboxRelay;
import org.signet.mailconnector.InboundMessage;
import org.signet.mailconnector.SignIn;
import org.signet.mailconnector.SmtpListener;
import org.signet.mailconnector.SmtpReply;
import org.signet.platform.BrokerStatus;
import org.signet.platform.Outages;

/**
 * Takes JobRequests from the SMTP adapter: signs sessions in as technical accounts (with the same
 * lock-out as REST) and turns each message into a job through the same intake as REST. {@code 250}
 * is answered only once the job is stored and its message is on the broker; a job whose message the
 * broker did not take is withdrawn and the client told to try again. Bound to the embedded adapter
 * in glassfish-ejb-jar.xml.
 *
 * <p>Runs without a transaction of its own: intake commits before the message is handed to the
 * broker, as for REST.
 */
@MessageDriven
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmtpJobConsumer implements SmtpListener {

    private static final Logger LOG = Logger.getLogger(SmtpJobConsumer.class.getName());

    @EJB private CredentialCheck credentials;

    @EJB private JobIntake intake;

    @EJB private OutboxRelay relay;

    @EJB private BrokerStatus brokerStatus;

    @Resource private Validator validator;

    @Override
    public SignIn signIn(String username, char[] password, String client) {
        try {
            var result = credentials.technicalAccount(username, password);
            LOG.log(
                    Level.INFO,
                    "SMTP sign-in of {0} from {1}: {2}",
                    new Object[] {username, client, result.outcome()});
            return switch (result.outcome()) {
                case ACCEPTED -> SignIn.accepted(result.name());
                case BLOCKED -> SignIn.refused("the account is disabled or locked");
                case WRONG_CREDENTIALS -> SignIn.refused("wrong user name or password");
            };
        } catch (RuntimeException e) {
            if (!Outages.databaseUnavailable(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "SMTP sign-in answered 454: the database is not reachable", e);
            return SignIn.temporaryFailure("the database is not reachable");
        }
    }

    @Override
    public SmtpReply accept(InboundMessage message) {
        if (!brokerStatus.available()) {
            return SmtpReply.tryAgainLater(
                    "4.3.0 Signet cannot queue mail now (broker unavailable); try again later");
        }

        ClientMessage job;
        try {
            job =
                    SmtpMessageReader.read(
                            message.mailFrom(), message.recipients(), message.content(), validator);
        } catch (MalformedMessageException e) {
            LOG.log(
                    Level.INFO,
                    "SMTP message of account {0} refused: {1}",
                    new Object[] {message.identity(), e.getMessage()});
            return SmtpReply.refused(550, "5.6.0 " + e.getMessage());
        }

        AcceptedJob accepted;
        try {
            accepted = intake.acceptSmtp(message.identity(), job);
        } catch (JobRejectedException e) {
            return refusal(e);
        } catch (RuntimeException e) {
            if (!Outages.databaseUnavailable(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "SMTP message answered 451: the database is not reachable", e);
            return SmtpReply.tryAgainLater(
                    "4.3.0 Signet cannot store mail now (database unavailable); try again later");
        }

        var sent = relay.publish(accepted.outboxIds());
        if (sent < accepted.outboxIds().size() && intake.withdraw(accepted)) {
            return SmtpReply.tryAgainLater(
                    "4.3.0 Signet cannot queue mail now (broker unavailable); nothing was kept,"
                            + " try again later");
        }
        return SmtpReply.ok("2.0.0 Queued as job " + accepted.jobId());
    }

    private static SmtpReply refusal(JobRejectedException e) {
        return switch (e.reason()) {
            case SIGNING_NOT_ALLOWED ->
                    SmtpReply.refused(
                            550,
                            "5.7.1 The messageSigning feature is not active for this account:"
                                    + " X-RETARUS-M4A-MESSAGE-SIGNING-ACTIVE: true is not allowed");
            case MAIL_TOO_LARGE -> SmtpReply.refused(552, "5.3.4 " + e.getMessage());
            case ACCOUNT_UNKNOWN, IDEMPOTENCY_CONFLICT ->
                    SmtpReply.refused(550, "5.7.1 " + e.getMessage());
        };
    }
}
