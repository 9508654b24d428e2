package org.signet.relaysink;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/** One SMTP transaction: the envelope, then the data, written to the mail folder. */
final class SinkSession implements MessageHandler {

    /** Recipients with this local part are refused permanently (550). */
    static final String BOUNCE = "bounce";

    /** Recipients with this local part are refused temporarily (451). */
    static final String DEFER = "defer";

    private final MailFolder folder;
    private String from;
    private final List<String> recipients = new ArrayList<>();

    SinkSession(MailFolder folder) {
        this.folder = folder;
    }

    @Override
    public void from(String from) {
        this.from = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        var local = localPart(recipient);
        if (local.equals(BOUNCE)) {
            throw new RejectException(
                    550, "5.1.1 <" + recipient + ">: mailbox does not exist (relay sink: bounce@)");
        }
        if (local.equals(DEFER)) {
            throw new RejectException(
                    451, "4.3.0 <" + recipient + ">: try again later (relay sink: defer@)");
        }
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws IOException {
        var stored = folder.keep(from, recipients, data.readAllBytes());
        return "2.0.0 kept as " + stored.getFileName();
    }

    @Override
    public void done() {
        // nothing held open between transactions
    }

    private static String localPart(String address) {
        var at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
